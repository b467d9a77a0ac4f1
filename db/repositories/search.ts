import { sql, type RawBuilder } from 'kysely';

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The same match against another folded text (an SQL expression), such as a part of `search_text`. */
export const textContainsTerm = (text: RawBuilder<string>, term: string) => sql<boolean>`${text} LIKE ${`%${likeEscape(term)}%`} ESCAPE '\\'`;

/**
 * `search_text` holds a record's searchable words folded (lower case, no accents) and space-joined;
 * a folded term matches when it is part of any of them.
 */
export const containsTerm = (term: string) => textContainsTerm(sql<string>`search_text`, term);
