import type { ParsedInputOf } from '../../shared/contract';
import {
  clientSearchText,
  clientStanding,
  defaultReportingFrom,
  isChild,
  suggestedPhase,
  type ClientStatus,
  type Phase,
  type Program,
  type Reporting,
} from '../../shared/clients';
import { AppError, fieldError } from '../../shared/errors';
import { translate } from '../../shared/i18n/index';
import { maskNik, nikMismatches, readNik, type Sex } from '../../shared/nik';
import type { Client, ClientRow, NikCheck } from '../../shared/types';
import { foldForSearch, phoneSearchTerm, searchTerms } from '../../shared/validate';
import {
  activeClientByNik,
  clientById,
  clientByRegister,
  countClients,
  insertClient,
  insertClientStatusChange,
  listClients,
  updateClient,
  type ClientDbRow,
  type ClientFilter,
} from '../../db/repositories/clients';
import { serviceCodes } from '../../db/repositories/pickLists';
import type { ClientsTable } from '../../db/schema';
import { recordChange } from './audit';
import { timelineOf } from './clientTimeline';
import { actorOf, isoNow, nextStamp, type Actor, type AppContext, type HandlersOf } from './context';
import { exportTable, type ExportColumn } from './exporter';
import { exportHeading, say } from './exportHeading';
import { newId } from './ids';
import { checkPk, requireDecision } from './officers';
import { officeCode, officeSettings, officeToday, securitySettings } from './settings';
import { checkWilayahExists, districtExists } from './wilayah';
import { assertOwn, ownedBy } from './ownership';

export type ClientFieldsData = ParsedInputOf<'clients.create'>['data'];
type Fields = ClientFieldsData;

/** The pimpinan role reads everything but sees NIKs masked, unless the office chose otherwise. */
export const seesNik = (ctx: AppContext, actor: Actor) => actor.role !== 'pimpinan' || securitySettings(ctx).pimpinanSeesNik;

/** Every text search of clients goes through here, so a masked caller's search never matches hidden NIK digits. */
export const clientFilterOf = (ctx: AppContext, actor: Actor, input: ParsedInputOf<'clients.list'>): ClientFilter => ({
  terms: searchTerms(input.q),
  phone: phoneSearchTerm(input.q),
  nikMasked: !seesNik(ctx, actor),
  status: input.status,
  today: officeToday(ctx),
  program: input.program,
  pkUserId: input.pkUserId,
  regencyCode: input.regencyCode,
});

/** `today` is passed in so a list computes the office's date once, not once per row. */
function toRow(ctx: AppContext, r: ClientDbRow, fullNik: boolean, today: string): ClientRow {
  return {
    id: r.id,
    registerNumber: r.register_number,
    name: r.name,
    nik: r.nik && !fullNik ? maskNik(r.nik) : r.nik,
    sex: r.sex,
    program: r.program as Program,
    status: r.status as ClientStatus,
    standing: clientStanding(r.status as ClientStatus, r.supervision_end, today),
    supervisionStart: r.supervision_start,
    supervisionEnd: r.supervision_end,
    pkName: r.pk_name,
    regencyName: r.regency_code ? ctx.wilayah.regencyName(r.regency_code) : null,
    isChild: isChild(r.birth_date, r.supervision_start),
    phase: (r.phase_override as Phase | null) ?? suggestedPhase(r.supervision_start, r.supervision_end, today),
    updatedAt: r.updated_at,
    origin: r.origin,
  };
}

async function toClient(ctx: AppContext, r: ClientDbRow, fullNik: boolean): Promise<Client> {
  await ctx.wilayah.ensureNames([r.regency_code, r.district_code, r.village_code]);
  const today = officeToday(ctx);
  return {
    ...toRow(ctx, r, fullNik, today),
    nikMasked: !!r.nik && !fullNik,
    birthPlace: r.birth_place,
    birthDate: r.birth_date,
    address: r.address,
    regencyCode: r.regency_code,
    districtCode: r.district_code,
    villageCode: r.village_code,
    districtName: r.district_code ? ctx.wilayah.name(r.district_code) : null,
    villageName: r.village_code ? ctx.wilayah.name(r.village_code) : null,
    phone: r.phone,
    religion: r.religion,
    education: r.education,
    skills: JSON.parse(r.skills) as string[],
    interests: JSON.parse(r.interests) as string[],
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    offence: r.offence,
    phaseOverride: r.phase_override as Phase | null,
    suggestedPhase: suggestedPhase(r.supervision_start, r.supervision_end, today),
    pkUserId: r.pk_user_id,
    guarantorName: r.guarantor_name,
    guarantorRelation: r.guarantor_relation,
    guarantorPhone: r.guarantor_phone,
    reporting: r.reporting as Reporting,
    reportingFrom: r.reporting_from,
    statusDate: r.status_date,
    notes: r.notes,
    createdAt: r.created_at,
    ownedBy: ownedBy(ctx, r.origin),
    timeline: timelineOf(ctx, r.id),
  };
}

/**
 * The form's fields as columns. `reportingFrom` left empty takes the day of entry for a new client
 * (the office's day), and keeps the stored day for an existing one.
 */
function columns(ctx: AppContext, f: Fields, stored: string | null) {
  return {
    reporting_from: f.reportingFrom ?? defaultReportingFrom(f.supervisionStart, f.supervisionEnd, stored ?? officeToday(ctx)),
    register_number: f.registerNumber,
    name: f.name,
    name_key: foldForSearch(f.name),
    search_text: clientSearchText(f.name, f.registerNumber, f.nik),
    nik: f.nik,
    sex: f.sex,
    birth_place: f.birthPlace,
    birth_date: f.birthDate,
    address: f.address,
    regency_code: f.regencyCode,
    district_code: f.districtCode,
    village_code: f.villageCode,
    phone: f.phone,
    religion: f.religion,
    education: f.education,
    skills: JSON.stringify(f.skills),
    interests: JSON.stringify(f.interests),
    program: f.program,
    decision_number: f.decisionNumber,
    decision_date: f.decisionDate,
    offence: f.offence,
    supervision_start: f.supervisionStart,
    supervision_end: f.supervisionEnd,
    phase_override: f.phaseOverride,
    pk_user_id: f.pkUserId,
    guarantor_name: f.guarantorName,
    guarantor_relation: f.guarantorRelation,
    guarantor_phone: f.guarantorPhone,
    reporting: f.reporting,
    notes: f.notes,
  } satisfies Partial<ClientsTable>;
}

export function mustFindClient(ctx: AppContext, id: string): ClientDbRow {
  const row = clientById(ctx.db, id);
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', 'clients.notFound');
  return row;
}

/** What the schema cannot check: the wilayah is in the coverage and exists, the NIK's kecamatan exists, the PK and the services are known. */
export async function checkReferences(ctx: AppContext, f: Fields, prefix: string): Promise<void> {
  // Clients of a Pos Bapas live in its wilayah kerja, like its partners.
  if (f.regencyCode && !(officeSettings(ctx)?.coverage ?? []).includes(f.regencyCode)) throw fieldError(`${prefix}regencyCode`, 'v.outsideCoverage');
  await checkWilayahExists(ctx.wilayah, f, prefix);
  if (f.nik) {
    const r = readNik(f.nik);
    if (r.ok && !(await districtExists(ctx.wilayah, r.facts.districtCode))) throw fieldError(`${prefix}nik`, 'v.nik.district');
  }
  if (f.pkUserId) checkPk(ctx, f.pkUserId, `${prefix}pkUserId`);
  const known = serviceCodes(ctx.db);
  const bad = f.interests.find((s) => !known.has(s));
  if (bad) throw fieldError(`${prefix}interests`, 'v.serviceUnknown', { code: bad });
}

/** Inside the write lock: one register number per office, one active client per NIK. */
function checkUnique(ctx: AppContext, f: Fields, excludeId: string | null, active: boolean, prefix: string): void {
  const sameRegister = clientByRegister(ctx.db, officeCode(ctx), f.registerNumber);
  if (sameRegister && sameRegister.id !== excludeId) throw fieldError(`${prefix}registerNumber`, 'clients.registerTaken', { name: sameRegister.name });
  if (active && f.nik) {
    const holder = activeClientByNik(ctx.db, officeCode(ctx), f.nik, excludeId);
    if (holder) throw fieldError(`${prefix}nik`, 'clients.nikTaken', { name: holder.name, register: holder.register_number });
  }
}

/** Audit rows keep the record without its search columns. */
function view(r: ClientDbRow) {
  const { pk_name: _pk, search_text: _s, name_key: _n, ...rest } = r;
  return rest;
}

function audited(ctx: AppContext, actor: Actor, action: 'create' | 'update' | 'status', before: ClientDbRow | null, after: ClientDbRow) {
  recordChange(ctx, actor, { action, entity: 'client', entityId: after.id, before: before ? view(before) : undefined, after: view(after) });
}

function statusRow(ctx: AppContext, clientId: string, from: string | null, to: string, date: string, reason: string, actor: Actor) {
  const now = isoNow(ctx);
  insertClientStatusChange(ctx.db, {
    id: newId(),
    client_id: clientId,
    from_status: from,
    to_status: to,
    date,
    reason,
    changed_by: actor.id,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    origin: officeCode(ctx),
  });
}

/** Registers a client as aktif; runs inside the caller's transaction (a form save, or one row of an import). */
export function createClientRecord(ctx: AppContext, actor: Actor, data: Fields, statusDate: string, prefix: string): ClientDbRow {
  if (data.phaseOverride !== null) requireDecision(actor, 'phaseOverride');
  checkUnique(ctx, data, null, true, prefix);
  const now = isoNow(ctx);
  const id = newId();
  insertClient(ctx.db, {
    id,
    ...columns(ctx, data, null),
    status: 'aktif',
    status_date: statusDate,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    origin: officeCode(ctx),
  });
  statusRow(ctx, id, null, 'aktif', statusDate, '', actor);
  const after = mustFindClient(ctx, id);
  audited(ctx, actor, 'create', null, after);
  return after;
}

/** Rewrites a client's fields; runs inside the caller's transaction. */
export function updateClientRecord(ctx: AppContext, actor: Actor, before: ClientDbRow, data: Fields, prefix: string): ClientDbRow {
  assertOwn(ctx, before);
  // An operator may edit a client whose phase a PK set, as long as the phase stays as it was.
  if (data.phaseOverride !== before.phase_override) requireDecision(actor, 'phaseOverride');
  checkUnique(ctx, data, before.id, before.status === 'aktif', prefix);
  updateClient(ctx.db, before.id, { ...columns(ctx, data, before.reporting_from), updated_at: nextStamp(ctx, before.updated_at) });
  const after = mustFindClient(ctx, before.id);
  audited(ctx, actor, 'update', before, after);
  return after;
}

/** A stored client as form fields: the starting point when an import updates only some of them. */
export function fieldsOf(r: ClientDbRow): Fields {
  return {
    registerNumber: r.register_number,
    name: r.name,
    nik: r.nik,
    sex: r.sex,
    birthPlace: r.birth_place,
    birthDate: r.birth_date,
    address: r.address,
    regencyCode: r.regency_code,
    districtCode: r.district_code,
    villageCode: r.village_code,
    phone: r.phone,
    religion: r.religion as Fields['religion'],
    education: r.education as Fields['education'],
    skills: JSON.parse(r.skills) as string[],
    interests: JSON.parse(r.interests) as string[],
    program: r.program as Fields['program'],
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    offence: r.offence,
    supervisionStart: r.supervision_start,
    supervisionEnd: r.supervision_end,
    phaseOverride: r.phase_override as Fields['phaseOverride'],
    pkUserId: r.pk_user_id,
    guarantorName: r.guarantor_name,
    guarantorRelation: r.guarantor_relation,
    guarantorPhone: r.guarantor_phone,
    reporting: r.reporting as Fields['reporting'],
    reportingFrom: r.reporting_from,
    notes: r.notes,
  };
}

export function clientHandlers(
  ctx: AppContext,
): HandlersOf<'clients.list' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.setStatus' | 'clients.checkNik' | 'clients.export'> {
  return {
    'clients.list': async (input, call) => {
      const actor = actorOf(call);
      await ctx.wilayah.regencies();
      const f = clientFilterOf(ctx, actor, input);
      const rows = listClients(ctx.db, f, input.sort, input.dir, input.limit, input.offset);
      const total = rows.length < input.limit && input.offset === 0 ? rows.length : countClients(ctx.db, f);
      const full = seesNik(ctx, actor);
      const today = officeToday(ctx);
      return { rows: rows.map((r) => toRow(ctx, r, full, today)), total };
    },
    'clients.export': async (input, call) => {
      const actor = actorOf(call);
      await ctx.wilayah.regencies();
      const full = seesNik(ctx, actor);
      const today = officeToday(ctx);
      const rows = listClients(ctx.db, clientFilterOf(ctx, actor, input), input.sort, input.dir, 100_000, 0).map((r) => toRow(ctx, r, full, today));
      const heading = exportHeading(ctx, actor, 'Daftar Klien', [
        say.text('Pencarian', input.q),
        input.status === 'berakhir' ? `Status: ${translate('id', 'clientStanding.berakhir')}` : say.code('Status', 'clientStatus.', input.status),
        say.code('Program', 'program.', input.program),
        say.user(ctx, 'PK', input.pkUserId),
        say.regency(ctx, input.regencyCode),
        full ? null : 'NIK disamarkan',
      ]);
      const file = await exportTable('xlsx', 'klien', today, CLIENT_EXPORT_COLUMNS, rows, null, { heading });
      // Personal data leaving the app: who exported what is on record.
      ctx.db.tx(() =>
        recordChange(ctx, actor, {
          action: 'export',
          entity: 'client',
          entityId: '*',
          after: { rows: rows.length, filter: input, nikMasked: !full },
          sync: false,
        }),
      );
      return file;
    },
    'clients.get': async (input, call) => {
      const actor = actorOf(call);
      const row = mustFindClient(ctx, input.id);
      // Every opening of a client's full record is on record (UU 27/2022: who processed what, when).
      ctx.db.tx(() => recordChange(ctx, actor, { action: 'view', entity: 'client', entityId: row.id, sync: false }));
      return toClient(ctx, row, seesNik(ctx, actor));
    },
    'clients.checkNik': async (input) => {
      const none: NikCheck = { problem: null, districtName: null, regencyName: null, mismatches: [], takenBy: null };
      if (input.nik.trim() === '') return none;
      const r = readNik(input.nik);
      if (!r.ok) return { ...none, problem: r.problem };
      if (!(await districtExists(ctx.wilayah, r.facts.districtCode))) return { ...none, problem: 'district' };
      const holder = activeClientByNik(ctx.db, officeCode(ctx), input.nik.replace(/\D/g, ''), input.excludeId);
      return {
        problem: null,
        districtName: ctx.wilayah.name(r.facts.districtCode),
        regencyName: ctx.wilayah.regencyName(r.facts.districtCode.slice(0, 5)),
        mismatches: nikMismatches(r.facts, { sex: input.sex as Sex | null, birthDate: input.birthDate }),
        takenBy: holder ? { id: holder.id, name: holder.name, registerNumber: holder.register_number } : null,
      };
    },
    'clients.create': async (input, call) => {
      const actor = actorOf(call);
      await checkReferences(ctx, input.data, 'data.');
      const row = ctx.db.tx(() => createClientRecord(ctx, actor, input.data, input.statusDate, 'data.'));
      return toClient(ctx, row, true);
    },
    'clients.update': async (input, call) => {
      const actor = actorOf(call);
      assertOwn(ctx, mustFindClient(ctx, input.id));
      await checkReferences(ctx, input.data, 'data.');
      const row = ctx.db.tx(() => {
        const before = mustFindClient(ctx, input.id);
        if (before.updated_at !== input.expectedUpdatedAt) throw new AppError('CONFLICT', 'common.staleEdit');
        return updateClientRecord(ctx, actor, before, input.data, 'data.');
      });
      return toClient(ctx, row, seesNik(ctx, actor));
    },
    'clients.setStatus': async (input, call) => {
      const actor = actorOf(call);
      const row = ctx.db.tx(() => {
        const before = mustFindClient(ctx, input.id);
        assertOwn(ctx, before);
        if (before.status === input.status) throw fieldError('status', 'clients.sameStatus');
        if (input.date < before.status_date) throw fieldError('date', 'clients.statusBeforeLast');
        // Back to aktif only while no other active client holds the same NIK.
        if (input.status === 'aktif' && before.nik) {
          const holder = activeClientByNik(ctx.db, officeCode(ctx), before.nik, before.id);
          if (holder) throw fieldError('status', 'clients.nikTaken', { name: holder.name, register: holder.register_number });
        }
        updateClient(ctx.db, input.id, { status: input.status, status_date: input.date, updated_at: nextStamp(ctx, before.updated_at) });
        statusRow(ctx, input.id, before.status, input.status, input.date, input.reason, actor);
        const after = mustFindClient(ctx, input.id);
        audited(ctx, actor, 'status', before, after);
        return after;
      });
      return toClient(ctx, row, seesNik(ctx, actor));
    },
  };
}

const CLIENT_EXPORT_COLUMNS: readonly ExportColumn<ClientRow, null>[] = [
  { header: 'No. register', width: 18, value: (c) => c.registerNumber },
  { header: 'Nama', width: 30, value: (c) => c.name },
  { header: 'NIK', width: 20, value: (c) => c.nik ?? '' },
  { header: 'Jenis kelamin', width: 14, value: (c) => translate('id', `sex.${c.sex}`) },
  { header: 'Program', width: 22, value: (c) => translate('id', `program.${c.program}`) },
  { header: 'Mulai bimbingan', width: 14, value: (c) => c.supervisionStart, kind: 'date' },
  { header: 'Akhir bimbingan', width: 14, value: (c) => c.supervisionEnd, kind: 'date' },
  { header: 'Tahap', width: 10, value: (c) => translate('id', `phase.${c.phase}`) },
  { header: 'PK', width: 24, value: (c) => c.pkName ?? '' },
  { header: 'Kabupaten/Kota', width: 26, value: (c) => c.regencyName ?? '' },
  // The standing, as the list shows it: an open record past its end reads "Berakhir, belum ditutup".
  { header: 'Status', width: 24, value: (c) => translate('id', c.standing === 'berakhir' ? 'clientStanding.berakhir' : `clientStatus.${c.status}`) },
];
