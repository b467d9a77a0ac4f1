/**
 * How the benches build a Bapas induk holding posts' large seeds: one post is seeded once
 * (scripts/seed.ts), then its rows are copied into the parent's database with plain INSERT ...
 * SELECT from the attached file, once per post, every key given per-post last digits and `origin`
 * set to the post's code, as a bundle's apply would store them (officers as names only,
 * `username@POST`). Shared by bench-posts.ts and bench-reports.ts.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AppCore } from '../electron/services/app';
import { BUNDLE_TABLES } from '../electron/services/bundles/tables';
import { SETUP } from '../tests/support/fixtures';

export const POSTS = ['PA', 'PB', 'PC'] as const;

/** Copies every bundle table of the attached post file into the parent as post `code`'s rows. */
export function copyPost(db: Database, postFile: string, code: string, tag: string): void {
  db.exec(`ATTACH DATABASE '${postFile.replace(/'/g, "''")}' AS post`);
  try {
    db.transaction(() => {
      for (const table of BUNDLE_TABLES) {
        // The parent keeps its own list of service and institution types (same codes).
        if (table === 'service_types' || table === 'institution_types') continue;
        const cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
        const keys = new Set([
          ...(table === 'users' || cols.includes('id') ? ['id'] : []),
          ...(db.pragma(`foreign_key_list(${table})`) as { from: string }[]).map((f) => f.from),
        ]);
        const expr = (c: string) => {
          // A UUID stays a UUID: its last two hex digits name the copy.
          // A printed document's entity id names its record (or a report's key), as the record ids do.
          if (keys.has(c) || (table === 'printed_documents' && c === 'entity_id'))
            return `CASE WHEN ${c} IS NULL THEN NULL ELSE substr(${c}, 1, 34) || '${tag}' END`;
          if (c === 'origin') return `'${code}'`;
          // Verification codes are unique across the register: each copy's keeps its last characters for the copy.
          if (table === 'printed_documents' && c === 'code') return `substr(code, 1, 9) || '${tag.toUpperCase()}'`;
          if (table === 'users' && c === 'username') return `username || '@${code}'`;
          if (table === 'users' && c === 'password_hash') return `''`;
          if (table === 'users' && c === 'active') return '0';
          return c;
        };
        db.exec(`INSERT INTO main.${table} (${cols.join(', ')}) SELECT ${cols.map(expr).join(', ')} FROM post.${table}`);
      }
      // The post as registered at the parent, with ten years of monthly bundles received.
      const now = new Date().toISOString();
      db.prepare(
        `INSERT INTO office_keys (office_code, office_name, kind, relation, signing_key, encryption_key, fingerprint, created_at, updated_at)
         VALUES (?, ?, 'pos', 'post', 'x', 'x', 'x', ?, ?)`,
      ).run(code, `Pos Bapas ${code}`, now, now);
      const bundle = db.prepare(
        `INSERT INTO bundle_imports (office_code, seq, sha256, manifest_sha256, change_from, change_to, bundle_created_at, bundle_created_by, counts, local_seq, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'admin', ?, ?, ?)`,
      );
      const counts = JSON.stringify(BUNDLE_TABLES.map((t) => ({ table: t, added: 100, changed: 10, archived: 1, unchanged: 0 })));
      for (let seq = 1; seq <= 120; seq++) {
        const sha = createHash('sha256').update(`${code}/${seq}`).digest('hex');
        bundle.run(code, seq, sha, sha, (seq - 1) * 1000, seq * 1000, now, counts, seq, now);
      }
    })();
  } finally {
    db.exec('DETACH DATABASE post');
  }
}

/** A dispatch as the signed-in admin: the service layer the renderer's calls reach. */
export async function caller(core: AppCore) {
  const login = await core.dispatch({ method: 'auth.login', input: { username: 'admin', password: SETUP.admin.password }, token: null });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.value as { token: string }).token;
  return async (method: string, input: unknown) => {
    const r = await core.dispatch({ method, input, token });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as never;
  };
}
