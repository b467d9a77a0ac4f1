import { addDays } from '../../shared/agreements';
import { AppError, fieldError } from '../../shared/errors';
import { periodLabel, periodRange, type Period } from '../../shared/periods';
import type { Figure, ReportScope } from '../../shared/reports';
import { readStoredFigures, REPORT_LATE_DAYS, type ReportVersion, type TrackerMonth } from '../../shared/reportVersions';
import { registeredOffices } from '../../db/repositories/officeKeys';
import { insertReportVersion, lastVersionNumber, monthlyVersions, versionsOf, type ReportVersionRow } from '../../db/repositories/reports/versions';
import { recordChange } from './audit';
import { actorOf, isoNow, type AppContext, type Call, type HandlersOf } from './context';
import { newId } from './ids';
import { differencesOf } from './reportDiff';
import { figuresHash } from './reportHash';
import { reportHandlers } from './reports';
import { officeSettings, officeToday } from './settings';

const view = (r: ReportVersionRow): ReportVersion => ({
  id: r.id,
  version: r.version,
  periodKind: r.period_kind,
  from: r.period_from,
  to: r.period_to,
  label: r.label,
  office: r.origin,
  sentAt: r.sent_at,
  sentByName: r.sent_by_name,
  sha256: r.figures_sha256,
});

/**
 * A report handed in stays as it was: "Tandai sudah dikirim" keeps this office's own figures of the
 * period as the next version (rows are only added, never rewritten), and travels in the next
 * bundle. The versions screen sets the newest version beside what the records say now; at a Bapas
 * induk a post's versions (from its bundles) beside what the induk computes from the post's records.
 */
export function reportVersionHandlers(ctx: AppContext): HandlersOf<'reports.markSent' | 'reports.versions' | 'reports.tracker'> {
  const office = () => {
    const o = officeSettings(ctx);
    if (!o) throw new AppError('SETUP_REQUIRED', 'setup.required');
    return o;
  };
  const reports = reportHandlers(ctx);
  // reports.compute reads synchronously; its handler type allows a promise, which it never returns.
  const figuresNow = (period: Period, scope: ReportScope, call: Call) =>
    (reports['reports.compute']({ period, scope }, call) as { figures: readonly Figure[] }).figures;

  return {
    'reports.markSent': (input, call) => {
      const actor = actorOf(call);
      const period = input.period as Period;
      const { from, to } = periodRange(period);
      const origin = office().code;
      return ctx.db.tx(() => {
        const figures = JSON.stringify(figuresNow(period, { kind: 'own' }, call));
        const sha = figuresHash(figures);
        const last = versionsOf(ctx.db, origin, from, to)[0];
        // Marked again with nothing changed (a second click): the version already kept stands.
        if (last && last.figures_sha256 === sha) return view(last);
        const now = isoNow(ctx);
        const row = {
          id: newId(),
          period_kind: period.kind,
          period_from: from,
          period_to: to,
          label: periodLabel(period),
          version: lastVersionNumber(ctx.db, origin, from, to) + 1,
          figures,
          figures_sha256: sha,
          sent_by: actor.id,
          sent_at: now,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin,
        };
        insertReportVersion(ctx.db, row);
        recordChange(ctx, actor, {
          action: 'create',
          entity: 'report_version',
          entityId: row.id,
          after: { label: row.label, version: row.version, figures_sha256: sha },
        });
        return view({ ...row, sent_by_name: actor.name });
      });
    },
    'reports.versions': (input, call) => {
      const period = input.period as Period;
      const { from, to } = periodRange(period);
      const scope = input.scope as ReportScope;
      // A post's versions are read at its Bapas induk only, and only for a registered post (compute checks both).
      const now = figuresNow(period, scope, call);
      const origin = scope.kind === 'post' ? scope.code : office().code;
      const rows = versionsOf(ctx.db, origin, from, to);
      const sent = rows[0] ? readStoredFigures(rows[0].figures) : null;
      if (rows[0] && !sent) throw new AppError('INTEGRITY', 'reports.versionDamaged', { params: { version: rows[0].version } });
      const differences = sent ? differencesOf(sent, now) : [];
      return { from, to, label: periodLabel(period), office: origin, versions: rows.map(view), changed: differences.length > 0, differences };
    },
    'reports.tracker': (input) => {
      if (office().kind !== 'induk') throw fieldError('year', 'reports.scopeAtInduk');
      const posts = registeredOffices(ctx.db).filter((k) => k.relation === 'post');
      const kept = new Map(
        monthlyVersions(
          ctx.db,
          posts.map((p) => p.office_code),
          input.year,
        ).map((v) => [`${v.origin} ${v.period_from}`, v]),
      );
      const today = officeToday(ctx);
      return {
        year: input.year,
        lateDays: REPORT_LATE_DAYS,
        posts: posts.map((p) => ({
          code: p.office_code,
          name: p.office_name,
          months: Array.from({ length: 12 }, (_, i): TrackerMonth => {
            const month = i + 1;
            const { from, to } = periodRange({ kind: 'month', year: input.year, month });
            const v = kept.get(`${p.office_code} ${from}`);
            if (v) return { month, state: 'sent', version: v.version, sentAt: v.first_sent };
            return { month, state: addDays(to, REPORT_LATE_DAYS) < today ? 'late' : 'open', version: null, sentAt: null };
          }),
        })),
      };
    },
  };
}
