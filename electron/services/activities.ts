import { imageSize } from 'image-size';
import type { ActivityType } from '../../shared/activities';
import type { ParsedInputOf } from '../../shared/contract';
import type { Bidang } from '../../shared/domain';
import { AppError, fieldError } from '../../shared/errors';
import type { Activity, ActivityRow, ExportFile } from '../../shared/types';
import {
  activityById,
  activityFileById,
  activityFiles,
  activityParticipants,
  activityPartnerIds,
  countExisting,
  insertActivity,
  insertActivityFile,
  listActivities,
  replaceActivityLinks,
  updateActivity,
  userNames,
  type ActivityDbRow,
} from '../../db/repositories/activities';
import { recordChange } from './audit';
import { actorOf, isoNow, nextStamp, type AppContext, type HandlersOf } from './context';
import { clientById } from '../../db/repositories/clients';
import { translate } from '../../shared/i18n/index';
import { exportTable } from './exporter';
import { exportHeading, say } from './exportHeading';
import { readStoredFile, sniffScanType, storeFile, uploadedScan } from './files';
import { newId } from './ids';
import { checkPk } from './officers';
import { officeCode, officeToday } from './settings';
import { assertOwn, assertOwnRecords, ownedBy } from './ownership';

type Fields = ParsedInputOf<'activities.create'>;

/** A display copy is at most this many pixels on its longer side (made by the screen, checked here). */
const DISPLAY_MAX_PX = 1600;

function toRow(r: ActivityDbRow): ActivityRow {
  return {
    id: r.id,
    date: r.date,
    type: r.type as ActivityType,
    bidang: r.bidang as Bidang | null,
    title: r.title,
    place: r.place,
    partnerNames: r.partner_names ? r.partner_names.split('|') : [],
    participants: r.participants,
    attended: r.attended,
    files: r.files,
    updatedAt: r.updated_at,
  };
}

function mustFind(ctx: AppContext, id: string): ActivityDbRow {
  const r = activityById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'activities.notFound');
  return r;
}

function toActivity(ctx: AppContext, r: ActivityDbRow): Activity {
  const officerIds = JSON.parse(r.officers) as string[];
  const names = userNames(ctx.db, officerIds);
  return {
    ...toRow(r),
    ownedBy: ownedBy(ctx, r.origin),
    description: r.description,
    partnerIds: activityPartnerIds(ctx.db, r.id),
    officerIds,
    officerNames: officerIds.map((id) => names.get(id) ?? ''),
    participantList: activityParticipants(ctx.db, r.id).map((p) => ({
      clientId: p.client_id,
      name: p.name,
      registerNumber: p.register_number,
      attended: p.attended === 1,
      note: p.note,
    })),
    fileList: activityFiles(ctx.db, r.id).map((f) => ({
      id: f.id,
      filename: f.filename,
      mime: f.mime,
      size: f.size,
      hasDisplay: f.thumb_sha256 !== null,
      uploadedAt: f.created_at,
    })),
  };
}

/** An activity with its participants, officers and files, as its page shows it (and its printed lists read it). */
export const getActivity = (ctx: AppContext, id: string): Activity => toActivity(ctx, mustFind(ctx, id));

/** Partners, officers and clients named must exist (archived partners and inactive clients are allowed: history). */
function checkReferences(ctx: AppContext, f: Fields, prefix: string): void {
  const count = (table: 'partners' | 'users' | 'clients', ids: readonly string[]) => countExisting(ctx.db, table, ids);
  if (count('partners', f.partnerIds) !== f.partnerIds.length) throw fieldError(`${prefix}partnerIds`, 'partners.notFound');
  // Officers of an activity act as PK: petugas or admins of this office (those who have since left stay on its record).
  for (const id of f.officerIds) checkPk(ctx, id, `${prefix}officerIds`, { allowInactive: true });
  const clientIds = f.participants.map((p) => p.clientId);
  if (count('clients', clientIds) !== clientIds.length) throw fieldError(`${prefix}participants`, 'clients.notFound');
  // Attendance is part of a client's record, kept by the client's own office; partners may be anyone's.
  assertOwnRecords(ctx, 'clients', clientIds, `${prefix}participants`);
}

const columns = (f: Fields) => ({
  date: f.date,
  type: f.type,
  bidang: f.bidang,
  title: f.title,
  place: f.place,
  description: f.description,
  officers: JSON.stringify(f.officerIds),
});

export function activityHandlers(
  ctx: AppContext,
): HandlersOf<
  'activities.list' | 'activities.get' | 'activities.create' | 'activities.update' | 'activities.addFile' | 'activities.file' | 'activities.export'
> {
  const list = (input: ParsedInputOf<'activities.list'>) => listActivities(ctx.db, input, input.limit, input.offset).map(toRow);
  return {
    'activities.list': (input) => list(input),
    'activities.get': (input) => toActivity(ctx, mustFind(ctx, input.id)),
    'activities.create': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        checkReferences(ctx, input, '');
        const now = isoNow(ctx);
        const id = newId();
        insertActivity(ctx.db, { id, ...columns(input), created_by: actor.id, created_at: now, updated_at: now, deleted_at: null, origin: officeCode(ctx) });
        replaceActivityLinks(ctx.db, id, input.partnerIds, input.participants);
        const after = toActivity(ctx, mustFind(ctx, id));
        recordChange(ctx, actor, { action: 'create', entity: 'activity', entityId: id, after });
        return after;
      });
    },
    'activities.update': (input, call) => {
      const actor = actorOf(call);
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.id);
        assertOwn(ctx, before);
        if (before.updated_at !== input.expectedUpdatedAt) throw new AppError('CONFLICT', 'common.staleEdit');
        checkReferences(ctx, input.data, 'data.');
        const beforeView = toActivity(ctx, before);
        updateActivity(ctx.db, input.id, { ...columns(input.data), updated_at: nextStamp(ctx, before.updated_at) });
        replaceActivityLinks(ctx.db, input.id, input.data.partnerIds, input.data.participants);
        const after = toActivity(ctx, mustFind(ctx, input.id));
        recordChange(ctx, actor, { action: 'update', entity: 'activity', entityId: input.id, before: beforeView, after });
        return after;
      });
    },
    'activities.addFile': (input, call) => {
      const actor = actorOf(call);
      // Before the file is stored: a refused upload leaves the data folder as it was.
      assertOwn(ctx, mustFind(ctx, input.activityId));
      const { bytes, mime } = uploadedScan(input.base64);
      let thumb: Buffer | null = null;
      if (mime !== 'application/pdf') {
        // An image must really decode; its display copy must be a small JPEG or PNG.
        try {
          imageSize(bytes);
        } catch {
          throw fieldError('file', 'logo.unreadable');
        }
        if (input.thumbBase64) {
          thumb = Buffer.from(input.thumbBase64, 'base64');
          const t = sniffScanType(thumb);
          let size: { width?: number; height?: number } = {};
          try {
            size = imageSize(thumb);
          } catch {
            /* refused below */
          }
          if ((t !== 'image/jpeg' && t !== 'image/png') || !size.width || !size.height || Math.max(size.width, size.height) > DISPLAY_MAX_PX) {
            throw fieldError('file', 'activities.badDisplayCopy');
          }
        }
      }
      const sha = storeFile(ctx.filesDir, bytes);
      const thumbSha = thumb ? storeFile(ctx.filesDir, thumb) : null;
      return ctx.db.tx(() => {
        const before = mustFind(ctx, input.activityId);
        const now = isoNow(ctx);
        const id = newId();
        const row = {
          id,
          activity_id: before.id,
          filename: input.filename,
          mime,
          size: bytes.length,
          sha256: sha,
          thumb_sha256: thumbSha,
          uploaded_by: actor.id,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        };
        insertActivityFile(ctx.db, row);
        updateActivity(ctx.db, before.id, { updated_at: nextStamp(ctx, before.updated_at) });
        recordChange(ctx, actor, { action: 'create', entity: 'activity_file', entityId: id, after: row });
        return toActivity(ctx, mustFind(ctx, before.id));
      });
    },
    'activities.file': (input): ExportFile => {
      const f = activityFileById(ctx.db, input.id);
      if (!f) throw new AppError('NOT_FOUND', 'files.missing');
      const display = input.variant === 'display' && f.thumb_sha256;
      const bytes = readStoredFile(ctx.filesDir, display ? f.thumb_sha256! : f.sha256);
      return { filename: f.filename, mime: display ? (sniffScanType(bytes) ?? f.mime) : f.mime, base64: bytes.toString('base64'), rows: 1 };
    },
    'activities.export': async (input, call) => {
      const rows = list({ ...input, limit: 100_000, offset: 0 });
      const today = officeToday(ctx);
      const heading = exportHeading(ctx, actorOf(call), 'Daftar Kegiatan', [
        say.partner(ctx, input.partnerId),
        input.clientId ? `Klien: ${clientById(ctx.db, input.clientId)?.name ?? '—'}` : null,
        say.code('Jenis', 'activityType.', input.type),
        say.month(input.month),
      ]);
      return exportTable(
        'xlsx',
        'kegiatan',
        today,
        [
          { header: 'Tanggal', width: 12, value: (a) => a.date, kind: 'date' },
          { header: 'Jenis', width: 22, value: (a) => translate('id', `activityType.${a.type}`) },
          { header: 'Judul', width: 40, value: (a) => a.title },
          { header: 'Tempat', width: 24, value: (a) => a.place },
          { header: 'Mitra', width: 40, value: (a) => a.partnerNames.join(', ') || 'Kantor' },
          { header: 'Peserta', width: 10, value: (a) => a.participants, kind: 'number' },
          { header: 'Hadir', width: 10, value: (a) => a.attended, kind: 'number' },
        ],
        rows,
        null,
        { heading },
      );
    },
  };
}
