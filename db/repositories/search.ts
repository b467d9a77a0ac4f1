import { sql } from 'kysely';

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `search_text` holds a record's searchable words folded (lower case, no accents) and space-joined;
 * a folded term matches when it is part of any of them.
 */
export const containsTerm = (term: string) => sql<boolean>`search_text LIKE ${`%${likeEscape(term)}%`} ESCAPE '\\'`;
