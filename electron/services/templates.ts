import { AppError, fieldError } from '../../shared/errors';
import type { ArticleTemplate } from '../../shared/types';
import type { Selectable } from 'kysely';
import { clearDefaultTemplate, insertTemplate, listTemplates, templateById, templateByName, updateTemplate } from '../../db/repositories/templates';
import type { ArticleTemplatesTable } from '../../db/schema';
import { recordChange } from './audit';
import { actorOf, isoNow, nextStamp, type AppContext, type HandlersOf } from './context';
import { newId } from './ids';
import { officeCode } from './settings';

function toTemplate(r: Selectable<ArticleTemplatesTable>): ArticleTemplate {
  return {
    id: r.id,
    name: r.name,
    isDefault: r.is_default === 1,
    legalBases: JSON.parse(r.legal_bases) as string[],
    articles: JSON.parse(r.articles) as ArticleTemplate['articles'],
    updatedAt: r.updated_at,
  };
}

/**
 * The office's pasal templates. There is always at least one and exactly one default (the one a
 * new agreement starts from); templates are office configuration and never travel in bundles.
 */
export function templateHandlers(ctx: AppContext): HandlersOf<'templates.list' | 'templates.save' | 'templates.delete'> {
  return {
    'templates.list': () => listTemplates(ctx.db).map(toTemplate),
    'templates.save': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const now = isoNow(ctx);
        const sameName = templateByName(ctx.db, input.name);
        if (sameName && sameName.id !== input.id) throw fieldError('name', 'templates.nameTaken');
        const columns = {
          name: input.name,
          legal_bases: JSON.stringify(input.legalBases),
          articles: JSON.stringify(input.articles),
        };
        let id = input.id;
        const before = id ? templateById(ctx.db, id) : undefined;
        if (id) {
          if (!before) throw new AppError('NOT_FOUND', 'templates.notFound');
          if (before.updated_at !== input.expectedUpdatedAt) throw new AppError('CONFLICT', 'common.staleEdit');
          // The default can only move to another template, never be switched off, so one always remains.
          if (before.is_default === 1 && !input.isDefault) throw fieldError('isDefault', 'templates.keepDefault');
          updateTemplate(ctx.db, id, { ...columns, updated_at: nextStamp(ctx, before.updated_at) });
        } else {
          id = newId();
          insertTemplate(ctx.db, { id, ...columns, is_default: 0, created_at: now, updated_at: now, deleted_at: null, origin: officeCode(ctx) });
        }
        if (input.isDefault) {
          // Cleared first: the unique index allows one default at any moment, even inside the transaction.
          clearDefaultTemplate(ctx.db, id);
          updateTemplate(ctx.db, id, { is_default: 1 });
        }
        const after = templateById(ctx.db, id)!;
        recordChange(ctx, actor, { action: before ? 'update' : 'create', entity: 'template', entityId: id, before, after, sync: false });
        return toTemplate(after);
      });
    },
    'templates.delete': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = templateById(ctx.db, input.id);
        if (!before) throw new AppError('NOT_FOUND', 'templates.notFound');
        if (before.is_default === 1) throw new AppError('CONFLICT', 'templates.defaultNotDeletable');
        updateTemplate(ctx.db, input.id, { deleted_at: isoNow(ctx), updated_at: nextStamp(ctx, before.updated_at) });
        recordChange(ctx, actor, { action: 'archive', entity: 'template', entityId: input.id, before, sync: false });
        return { done: true } as const;
      });
    },
  };
}
