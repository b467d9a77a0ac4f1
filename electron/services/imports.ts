import { defaultReportingFrom } from '../../shared/clients';
import { AppError, fieldError } from '../../shared/errors';
import {
  detectHeader,
  readDateCell,
  readNikCell,
  readProgramCell,
  readReportingCell,
  readSexCell,
  splitPlaceAndDate,
  type Cell,
  type ColumnMapping,
  type ImportField,
} from '../../shared/imports';
import { formatDate } from '../../shared/format';
import { nikMismatches, readNik } from '../../shared/nik';
import { ClientFields } from '../../shared/schemas/clients';
import type { ImportCounts, ImportMessage, ImportReportInfo, ImportRowResult, ImportStatus } from '../../shared/types';
import type { ClientDbRow } from '../../db/repositories/clients';
import { clientsOfOffice, importReportById, insertImportReport, recentImportReports } from '../../db/repositories/importReports';
import { recordChange } from './audit';
import { createClientRecord, fieldsOf, mustFindClient, updateClientRecord, type ClientFieldsData } from './clients';
import { actorOf, isoNow, type Actor, type AppContext, type HandlersOf } from './context';
import { validationError } from './dispatch';
import { sha256 } from './files';
import { newId } from './ids';
import { importReportFile, importRowsFor } from './import-report';
import { officeCode } from './settings';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readSpreadsheet, sniffSpreadsheet, SpreadsheetError, type Sheet } from './spreadsheet';
import { districtExists } from './wilayah';

/** A row that passed the check, and what committing it will do. */
interface Plan {
  readonly row: number;
  readonly clientId: string | null;
  readonly expectedUpdatedAt: string | null;
  readonly data: ClientFieldsData;
}

interface Job {
  readonly id: string;
  readonly ownerId: string;
  readonly filename: string;
  readonly sha256: string;
  phase: ImportStatus['phase'];
  done: number;
  total: number;
  error: string | null;
  sheets: Sheet[];
  sheetName: string;
  cancelled: boolean;
  results: ImportRowResult[];
  plans: Plan[];
  counts: ImportCounts | null;
  reportId: string | null;
  touchedAt: number;
}

/** Jobs live in memory for an hour; an office runs one import at a time, so a handful is plenty. */
const JOB_TTL_MS = 60 * 60 * 1000;
const MAX_JOBS = 6;

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

const blank = (row: readonly Cell[] | undefined) => !row || row.every((c) => c === null || c === '');

function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

function countsOf(results: readonly ImportRowResult[]): ImportCounts {
  const counts = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of results) counts[r.action]++;
  return counts;
}

export function importHandlers(
  ctx: AppContext,
): HandlersOf<
  | 'imports.open'
  | 'imports.status'
  | 'imports.columns'
  | 'imports.check'
  | 'imports.rows'
  | 'imports.cancel'
  | 'imports.commit'
  | 'imports.report'
  | 'imports.history'
> {
  const jobs = new Map<string, Job>();
  /** Jobs whose commit waits for its backup: a second commit meanwhile is refused. */
  const committing = new Set<string>();

  const statusOf = (j: Job): ImportStatus => ({
    jobId: j.id,
    filename: j.filename,
    phase: j.phase,
    done: j.done,
    total: j.total,
    error: j.error,
    sheets: j.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    counts: j.counts,
    reportId: j.reportId,
  });

  /** Only the officer who opened a file sees its job. */
  function jobOf(id: string, actor: Actor): Job {
    const j = jobs.get(id);
    if (!j || j.ownerId !== actor.id) throw new AppError('NOT_FOUND', 'imports.jobGone');
    j.touchedAt = Date.now();
    return j;
  }

  function prune() {
    const now = Date.now();
    for (const [id, j] of jobs) if (now - j.touchedAt > JOB_TTL_MS) jobs.delete(id);
    while (jobs.size >= MAX_JOBS) jobs.delete(jobs.keys().next().value!);
  }

  /** Checks every data row (in slices, yielding between them) and decides new / update / unchanged / error. */
  async function runCheck(job: Job, sheet: Sheet, headerRow: number, mapping: ColumnMapping): Promise<void> {
    // Rows name this office's own clients only: at a Bapas induk a post's client with the same
    // register number or NIK is another person's record, kept (and changed) at the post.
    const existing = new Map<string, ClientDbRow>();
    for (const c of clientsOfOffice(ctx.db, officeCode(ctx))) existing.set(c.register_number, c);
    const activeNik = new Map<string, string>();
    for (const c of existing.values()) if (c.nik && c.status === 'aktif') activeNik.set(c.nik, c.register_number);
    const districtKnown = new Map<string, boolean>();
    const seenRegister = new Map<string, number>();
    const seenNik = new Map<string, number>();
    const results: ImportRowResult[] = [];
    const plans: Plan[] = [];
    const rows = sheet.rows;
    job.total = rows.length - headerRow - 1;
    for (let i = headerRow + 1; i < rows.length; i++) {
      if (job.cancelled) return;
      if ((i - headerRow) % 250 === 0) {
        job.done = i - headerRow - 1;
        await yieldNow();
      }
      const cells = rows[i]!;
      if (blank(cells)) continue;
      const rowNumber = i + 1;
      const errors: ImportMessage[] = [];
      const warnings: ImportMessage[] = [];
      const has = (f: ImportField) => mapping[f] !== undefined;
      const get = (f: ImportField): Cell => (has(f) ? (cells[mapping[f]!] ?? null) : null);
      const date = (value: Cell, target: string): string | null => {
        const r = readDateCell(value);
        if (r === null) return null;
        if ('error' in r) {
          errors.push({ field: target, key: 'imports.badDate', params: { value: cellText(value) } });
          return null;
        }
        if (r.ambiguous) warnings.push({ field: target, key: 'imports.ambiguousDate', params: { value: cellText(value), date: formatDate(r.date) } });
        return r.date;
      };

      const registerNumber = cellText(get('registerNumber'));
      const before = existing.get(registerNumber);
      const data: Record<string, unknown> = before
        ? { ...fieldsOf(before) }
        : {
            registerNumber,
            name: '',
            nik: '',
            sex: undefined,
            program: undefined,
            reporting: 'bulanan',
            supervisionStart: undefined,
            supervisionEnd: undefined,
          };
      data.registerNumber = registerNumber;
      if (has('name')) data.name = cellText(get('name'));
      if (has('nik')) {
        const n = readNikCell(get('nik'));
        if (n === null) data.nik = '';
        else if ('error' in n) errors.push({ field: 'nik', key: `imports.${n.error}`, params: { value: cellText(get('nik')) } });
        else data.nik = n.nik;
      }
      if (has('sex')) {
        const s = readSexCell(get('sex'));
        if (s) data.sex = s;
        else errors.push({ field: 'sex', key: 'imports.sexUnknown', params: { value: cellText(get('sex')) } });
      }
      if (has('placeAndDate')) {
        const { place, date: d } = splitPlaceAndDate(get('placeAndDate'));
        if (place) data.birthPlace = place;
        const read = date(d, 'birthDate');
        if (read) data.birthDate = read;
      }
      if (has('birthPlace')) data.birthPlace = cellText(get('birthPlace'));
      for (const [f, target] of [
        ['birthDate', 'birthDate'],
        ['decisionDate', 'decisionDate'],
        ['supervisionStart', 'supervisionStart'],
        ['supervisionEnd', 'supervisionEnd'],
      ] as const) {
        if (has(f)) {
          const read = date(get(f), target);
          if (read) data[target] = read;
        }
      }
      for (const f of ['address', 'phone', 'decisionNumber', 'offence', 'guarantorName', 'notes'] as const) if (has(f)) data[f] = cellText(get(f));
      if (has('program')) {
        const p = readProgramCell(get('program'));
        if (p) data.program = p;
        else errors.push({ field: 'program', key: 'imports.programUnknown', params: { value: cellText(get('program')) } });
      }
      if (has('reporting') && cellText(get('reporting'))) {
        const r = readReportingCell(get('reporting'));
        if (r) data.reporting = r;
        else errors.push({ field: 'reporting', key: 'imports.reportingUnknown', params: { value: cellText(get('reporting')) } });
      }

      // A new client is counted from the import day (reportingFrom left empty); an updated one keeps
      // its day, moved inside the period if the file moved the supervision dates.
      if (before && typeof data.supervisionStart === 'string' && typeof data.supervisionEnd === 'string' && data.supervisionStart <= data.supervisionEnd)
        data.reportingFrom = defaultReportingFrom(data.supervisionStart, data.supervisionEnd, before.reporting_from);
      const parsed = ClientFields.safeParse(data);
      if (!parsed.success) {
        for (const [field, key] of Object.entries(validationError(parsed.error).fields ?? {})) {
          // A required field with no column, or an empty cell, says so rather than "invalid".
          if (!errors.some((e) => e.field === field)) errors.push({ field, key: data[field] === undefined ? 'v.required' : key });
        }
      }
      const fields = parsed.success ? parsed.data : null;
      if (fields?.nik) {
        const facts = readNik(fields.nik);
        if (facts.ok) {
          const code = facts.facts.districtCode;
          if (!districtKnown.has(code)) districtKnown.set(code, await districtExists(ctx.wilayah, code));
          if (!districtKnown.get(code)) errors.push({ field: 'nik', key: 'v.nik.district' });
          for (const m of nikMismatches(facts.facts, { sex: fields.sex, birthDate: fields.birthDate })) warnings.push({ field: m, key: 'imports.nikMismatch' });
        }
        const holder = activeNik.get(fields.nik);
        if (holder && holder !== registerNumber) errors.push({ field: 'nik', key: 'imports.nikTaken', params: { register: holder } });
        const earlierNik = seenNik.get(fields.nik);
        if (earlierNik) errors.push({ field: 'nik', key: 'imports.duplicateNikInFile', params: { row: earlierNik } });
        else seenNik.set(fields.nik, rowNumber);
      }
      if (registerNumber) {
        const earlier = seenRegister.get(registerNumber);
        if (earlier) errors.push({ field: 'registerNumber', key: 'imports.duplicateInFile', params: { row: earlier } });
        else seenRegister.set(registerNumber, rowNumber);
      }

      const name = typeof data.name === 'string' ? data.name : '';
      if (errors.length || !fields) {
        results.push({ row: rowNumber, action: 'error', registerNumber, name, errors, warnings });
        continue;
      }
      const unchanged = before !== undefined && JSON.stringify(fieldsOf(before)) === JSON.stringify(fields);
      results.push({ row: rowNumber, action: before ? (unchanged ? 'unchanged' : 'update') : 'new', registerNumber, name, errors, warnings });
      if (!unchanged) plans.push({ row: rowNumber, clientId: before?.id ?? null, expectedUpdatedAt: before?.updated_at ?? null, data: fields });
    }
    job.results = results;
    job.plans = plans;
    job.counts = countsOf(results);
    job.done = job.total;
  }

  return {
    'imports.open': (input, call) => {
      const actor = actorOf(call);
      const bytes = Buffer.from(input.base64, 'base64');
      if (bytes.length === 0) throw fieldError('file', 'scans.empty');
      if (bytes.length > MAX_IMPORT_BYTES) throw fieldError('file', 'imports.tooLarge');
      const kind = sniffSpreadsheet(bytes);
      if (!kind) throw fieldError('file', 'imports.notSpreadsheet');
      prune();
      const job: Job = {
        id: newId(),
        ownerId: actor.id,
        filename: input.filename,
        sha256: sha256(bytes),
        phase: 'reading',
        done: 0,
        total: 0,
        error: null,
        sheets: [],
        sheetName: '',
        cancelled: false,
        results: [],
        plans: [],
        counts: null,
        reportId: null,
        touchedAt: Date.now(),
      };
      jobs.set(job.id, job);
      // Read in the background, yielding as it goes; the screen polls imports.status for progress.
      void readSpreadsheet(bytes, kind, {
        progress: (n) => {
          if (job.cancelled) throw new SpreadsheetError('imports.cancelled');
          job.done = n;
        },
        now: () => ctx.now().getTime(),
      })
        .then((sheets) => {
          if (job.cancelled) return;
          job.sheets = sheets;
          job.phase = 'ready';
        })
        .catch((e: unknown) => {
          job.phase = job.cancelled ? 'cancelled' : 'failed';
          job.error = e instanceof SpreadsheetError ? e.key : 'imports.unreadable';
        });
      return statusOf(job);
    },
    'imports.status': (input, call) => statusOf(jobOf(input.jobId, actorOf(call))),
    'imports.columns': (input, call) => {
      const job = jobOf(input.jobId, actorOf(call));
      const sheet = job.sheets[input.sheet];
      if (!sheet) throw fieldError('sheet', 'imports.noSheet');
      const found = detectHeader(sheet.rows);
      if (!found) throw fieldError('sheet', 'imports.noHeader');
      const sample = sheet.rows
        .slice(found.row + 1)
        .filter((r) => !blank(r))
        .slice(0, 5)
        .map((r) => found.headers.map((_, i) => cellText(r[i])));
      return { headerRow: found.row, headers: found.headers, mapping: found.mapping, sample, dataRows: sheet.rows.length - found.row - 1 };
    },
    'imports.check': (input, call) => {
      const job = jobOf(input.jobId, actorOf(call));
      if (job.phase !== 'ready' && job.phase !== 'checked') throw new AppError('CONFLICT', 'imports.notReady');
      const sheet = job.sheets[input.sheet];
      if (!sheet) throw fieldError('sheet', 'imports.noSheet');
      if (input.mapping.registerNumber === undefined || input.mapping.name === undefined) throw fieldError('mapping', 'imports.needRegisterAndName');
      if (sheet.rows.length - input.headerRow - 1 > MAX_IMPORT_ROWS) throw fieldError('sheet', 'imports.tooManyRows');
      job.phase = 'checking';
      job.sheetName = sheet.name;
      job.done = 0;
      job.cancelled = false;
      job.counts = null;
      void runCheck(job, sheet, input.headerRow, input.mapping)
        .then(() => {
          job.phase = job.cancelled ? 'cancelled' : 'checked';
        })
        .catch(() => {
          job.phase = 'failed';
          job.error = 'imports.unreadable';
        });
      return statusOf(job);
    },
    'imports.rows': (input, call) => {
      const actor = actorOf(call);
      const job = jobOf(input.jobId, actor);
      const rows = input.only === 'all' ? job.results : job.results.filter((r) => r.action === input.only);
      return { total: rows.length, rows: importRowsFor(ctx, actor, rows.slice(input.offset, input.offset + input.limit)) };
    },
    'imports.cancel': (input, call) => {
      const job = jobOf(input.jobId, actorOf(call));
      if (job.phase === 'reading' || job.phase === 'checking') {
        job.cancelled = true;
        job.phase = 'cancelled';
      }
      return statusOf(job);
    },
    'imports.commit': async (input, call) => {
      const actor = actorOf(call);
      const job = jobOf(input.jobId, actor);
      if (job.phase !== 'checked' || !job.counts || committing.has(job.id)) throw new AppError('CONFLICT', 'imports.notChecked');
      // Many rows at once: a backup of the state before them first (its failure is reported, not the import's).
      committing.add(job.id);
      try {
        await ctx.backupSchedule?.beforeImport(job.plans.length);
      } finally {
        committing.delete(job.id);
      }
      if (job.phase !== 'checked') throw new AppError('CONFLICT', 'imports.notChecked');
      const reportId = newId();
      // One transaction: every accepted row is written, or (if the data changed since the check) none.
      ctx.db.tx(() => {
        for (const plan of job.plans) {
          try {
            if (plan.clientId === null) {
              createClientRecord(ctx, actor, plan.data, plan.data.supervisionStart, '');
            } else {
              const before = mustFindClient(ctx, plan.clientId);
              if (before.updated_at !== plan.expectedUpdatedAt) throw new AppError('CONFLICT', 'common.staleEdit');
              updateClientRecord(ctx, actor, before, plan.data, '');
            }
          } catch (e) {
            if (e instanceof AppError) throw new AppError('CONFLICT', 'imports.changedSinceCheck', { params: { row: plan.row } });
            throw e;
          }
        }
        const now = isoNow(ctx);
        insertImportReport(ctx.db, {
          id: reportId,
          filename: job.filename,
          sha256: job.sha256,
          sheet: job.sheetName,
          counts: JSON.stringify(job.counts),
          rows: JSON.stringify(job.results),
          created_by: actor.id,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          origin: officeCode(ctx),
        });
        recordChange(ctx, actor, {
          action: 'create',
          entity: 'import',
          entityId: reportId,
          after: { filename: job.filename, counts: job.counts },
          sync: false,
        });
      });
      job.phase = 'committed';
      job.reportId = reportId;
      return statusOf(job);
    },
    'imports.report': (input, call) => {
      const r = importReportById(ctx.db, input.id);
      if (!r) throw new AppError('NOT_FOUND', 'imports.reportGone');
      return importReportFile(ctx, actorOf(call), JSON.parse(r.rows) as ImportRowResult[]);
    },
    'imports.history': (): ImportReportInfo[] =>
      recentImportReports(ctx.db).map((r) => ({
        id: r.id,
        filename: r.filename,
        sheet: r.sheet,
        counts: JSON.parse(r.counts) as ImportCounts,
        createdAt: r.created_at,
        createdBy: r.by_name ?? '',
      })),
  };
}
