import { AppError } from '../../shared/errors';
import { countUsers, insertUser } from '../../db/repositories/users';
import { putSetting } from '../../db/repositories/settings';
import { appendAudit } from './audit';
import { isoNow, type AppContext, type HandlersOf } from './context';
import { newId } from './ids';
import { officeKeys } from './keys';
import { hashPassword } from './passwords';
import { checkCoverage, DEFAULT_SECURITY, officeSettings } from './settings';

export function setupHandlers(ctx: AppContext): HandlersOf<'setup.complete' | 'setup.regencies'> {
  return {
    'setup.regencies': () => ctx.wilayah.regencies(),
    'setup.complete': async (input) => {
      if (officeSettings(ctx)) throw new AppError('CONFLICT', 'setup.already');
      await checkCoverage(ctx, input.office.coverage, 'office.coverage');
      const passwordHash = await hashPassword(input.admin.password);
      // The office's key pairs are made with the office (kept in the data folder, never in the database).
      officeKeys(ctx);
      return ctx.db.tx(() => {
        // Checked again inside the write lock: two windows finishing setup at once get one winner.
        if (officeSettings(ctx) || countUsers(ctx.db) > 0) throw new AppError('CONFLICT', 'setup.already');
        const now = isoNow(ctx);
        putSetting(ctx.db, 'office', input.office, now);
        putSetting(ctx.db, 'security', DEFAULT_SECURITY, now);
        const id = newId();
        insertUser(ctx.db, {
          id,
          username: input.admin.username,
          name: input.admin.name,
          nip: input.admin.nip,
          position: input.admin.position,
          role: 'admin',
          password_hash: passwordHash,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: input.office.code,
        });
        appendAudit(
          ctx.db,
          now,
          { id, name: input.admin.name },
          {
            action: 'setup',
            entity: 'settings',
            entityId: 'settings',
            after: { office: input.office, admin: { id, username: input.admin.username, name: input.admin.name } },
          },
        );
        return { done: true as const };
      });
    },
  };
}
