import { AppError, fieldError } from '../../shared/errors';
import type { ExportFile, OwnKeys, RegisteredOffice } from '../../shared/types';
import { insertOfficeKey, registeredOffice, registeredOffices, updateOfficeKey } from '../../db/repositories/officeKeys';
import { recordChange } from './audit';
import { actorOf, isoNow, type AppContext, type HandlersOf } from './context';
import { normaliseCrockford } from './crockford';
import { fingerprint, officeKeys, ownCard, readCard } from './keys';
import { officeSettings } from './settings';

/**
 * Pairing offices: each gives the other its key card; the receiving admin confirms the fingerprint
 * read aloud by the other office before the keys are trusted. A Pos Bapas registers its Bapas induk;
 * a Bapas induk registers its posts.
 */
export function pairingHandlers(ctx: AppContext): HandlersOf<'keys.own' | 'keys.card' | 'keys.readCard' | 'keys.register' | 'keys.list' | 'keys.allowPlain'> {
  const office = () => {
    const o = officeSettings(ctx);
    if (!o) throw new AppError('SETUP_REQUIRED', 'setup.required');
    return o;
  };
  return {
    'keys.own': (): OwnKeys => {
      const o = office();
      const keys = officeKeys(ctx);
      return {
        officeCode: o.code,
        kind: o.kind,
        fingerprint: fingerprint(o.code, keys.signing.publicRaw, keys.encryption.publicRaw),
        createdAt: keys.createdAt,
      };
    },
    'keys.card': (): ExportFile => {
      const card = ownCard(ctx);
      return {
        filename: `kartu-kunci-${card.officeCode}.json`,
        mime: 'application/json',
        base64: Buffer.from(`${JSON.stringify(card, null, 2)}\n`).toString('base64'),
        rows: 1,
      };
    },
    'keys.readCard': (input) => {
      const card = readCard(Buffer.from(input.base64, 'base64'));
      return { officeCode: card.officeCode, officeName: card.officeName, kind: card.kind, fingerprint: card.fingerprint };
    },
    'keys.register': (input, call) => {
      const actor = actorOf(call);
      const o = office();
      const card = readCard(Buffer.from(input.base64, 'base64'));
      if (card.officeCode === o.code) throw fieldError('file', 'keys.ownCard');
      // A post pairs with its parent; a parent with its posts.
      const relation = o.kind === 'pos' ? 'parent' : 'post';
      if ((relation === 'parent' && card.kind !== 'induk') || (relation === 'post' && card.kind !== 'pos'))
        throw fieldError('file', `keys.wrongKind.${o.kind}`);
      if (normaliseCrockford(input.fingerprint) !== normaliseCrockford(card.fingerprint)) throw fieldError('fingerprint', 'keys.fingerprintMismatch');
      return ctx.db.tx(() => {
        const before = registeredOffice(ctx.db, card.officeCode);
        if (before && !input.replace && before.signing_key !== card.signingKey)
          throw new AppError('CONFLICT', 'keys.alreadyRegistered', { params: { code: card.officeCode } });
        const parent = registeredOffices(ctx.db).find((r) => r.relation === 'parent');
        if (relation === 'parent' && parent && parent.office_code !== card.officeCode && !input.replace) {
          throw new AppError('CONFLICT', 'keys.parentRegistered', { params: { code: parent.office_code } });
        }
        const now = isoNow(ctx);
        const row = {
          office_name: card.officeName,
          kind: card.kind,
          relation,
          signing_key: card.signingKey,
          encryption_key: card.encryptionKey,
          fingerprint: card.fingerprint,
          registered_by: actor.id,
          updated_at: now,
          deleted_at: null,
        } as const;
        if (relation === 'parent' && parent && parent.office_code !== card.officeCode)
          updateOfficeKey(ctx.db, parent.office_code, { deleted_at: now, updated_at: now });
        if (before) updateOfficeKey(ctx.db, card.officeCode, row);
        else insertOfficeKey(ctx.db, { office_code: card.officeCode, ...row, created_at: now });
        // Public keys and the fingerprint only: nothing secret goes into the log.
        recordChange(ctx, actor, {
          action: before ? 'update' : 'create',
          entity: 'office_key',
          entityId: card.officeCode,
          before: before ? { fingerprint: before.fingerprint } : undefined,
          after: { officeName: card.officeName, relation, fingerprint: card.fingerprint },
          sync: false,
        });
        return toRegistered(registeredOffice(ctx.db, card.officeCode)!);
      });
    },
    'keys.list': () => registeredOffices(ctx.db).map(toRegistered),
    'keys.allowPlain': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const post = registeredOffice(ctx.db, input.officeCode);
        if (!post || post.relation !== 'post') throw new AppError('NOT_FOUND', 'bundles.unknownOffice', { params: { code: input.officeCode } });
        const allow = input.allow ? 1 : 0;
        if (post.allow_plain !== allow) {
          updateOfficeKey(ctx.db, post.office_code, { allow_plain: allow, updated_at: isoNow(ctx) });
          recordChange(ctx, actor, {
            action: 'update',
            entity: 'office_key',
            entityId: post.office_code,
            before: { allowPlain: post.allow_plain === 1 },
            after: { allowPlain: input.allow },
            sync: false,
          });
        }
        return toRegistered(registeredOffice(ctx.db, post.office_code)!);
      });
    },
  };
}

function toRegistered(r: NonNullable<ReturnType<typeof registeredOffice>>): RegisteredOffice {
  return {
    officeCode: r.office_code,
    officeName: r.office_name,
    kind: r.kind,
    relation: r.relation,
    fingerprint: r.fingerprint,
    registeredAt: r.updated_at,
    allowPlain: r.allow_plain === 1,
  };
}
