import { translate } from '../../shared/i18n/index';
import type { Referral } from '../../shared/types';
import { listReferrals } from '../../db/repositories/referrals';
import { listServiceTypes } from '../../db/repositories/pickLists';
import { recordChange } from './audit';
import { actorOf, type AppContext, type HandlersOf } from './context';
import { exportTable, type ExportColumn } from './exporter';
import { exportHeading, say } from './exportHeading';
import { toReferral } from './referrals';
import { officeToday } from './settings';

/** The referral register ("Register rujukan") as a file: every referral the filter keeps, not one page. */
export function referralRegisterHandlers(ctx: AppContext): HandlersOf<'referrals.export'> {
  return {
    'referrals.export': async (input, call) => {
      const actor = actorOf(call);
      const rows = listReferrals(ctx.db, input, 1_000_000, 0).map(toReferral);
      const services = new Map(listServiceTypes(ctx.db).map((s) => [s.code, s.label_id]));
      const heading = exportHeading(ctx, actor, 'Register Rujukan Klien ke Mitra', [
        say.code('Status', 'referralStatus.', input.status),
        say.service(ctx, input.service),
        say.partner(ctx, input.partnerId),
        say.user(ctx, 'PK', input.pkUserId),
        input.clientId ? `Klien: ${rows[0]?.clientName ?? '—'}` : null,
        say.date('Dari tanggal', input.from),
        say.date('Sampai tanggal', input.to),
      ]);
      const file = await exportTable('xlsx', 'rujukan', officeToday(ctx), REFERRAL_COLUMNS, rows, services, { heading });
      // Client names leave the app: on record, like every other export of personal data.
      ctx.db.tx(() =>
        recordChange(ctx, actor, { action: 'export', entity: 'referral', entityId: '*', after: { rows: rows.length, filter: input }, sync: false }),
      );
      return file;
    },
  };
}

const REFERRAL_COLUMNS: readonly ExportColumn<Referral, Map<string, string>>[] = [
  { header: 'Tanggal', width: 12, value: (r) => r.date, kind: 'date' },
  { header: 'Nomor surat', width: 28, value: (r) => r.letterNumber },
  { header: 'No. register', width: 18, value: (r) => r.clientRegister },
  { header: 'Klien', width: 28, value: (r) => r.clientName },
  { header: 'Mitra', width: 34, value: (r) => r.partnerName },
  { header: 'Layanan', width: 28, value: (r, services) => services.get(r.service) ?? r.service },
  { header: 'PK', width: 24, value: (r) => r.pkName ?? '' },
  { header: 'PKS', width: 28, value: (r) => r.agreementNumber ?? '' },
  { header: 'Status', width: 14, value: (r) => translate('id', `referralStatus.${r.status}`) },
  { header: 'Tanggal status', width: 14, value: (r) => r.statusDate, kind: 'date' },
  { header: 'Hasil', width: 24, value: (r) => (r.outcome ? translate('id', `outcome.${r.outcome}`) : '') },
  { header: 'Jam kerja sosial', width: 12, value: (r) => (r.hoursRequired === null ? '' : `${r.hoursDone}/${r.hoursRequired}`) },
];
