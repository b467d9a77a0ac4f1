import { AppError } from '../../shared/errors';
import { formatDate, localDateOf } from '../../shared/format';
import type { Agreement, DocumentVerification, ExportFile, PrintedFile } from '../../shared/types';
import { documentByCode, documentByContent, insertPrintedDocument, latestVersion, type DocKind } from '../../db/repositories/printedDocuments';
import { registeredOffice } from '../../db/repositories/officeKeys';
import { partnerById } from '../../db/repositories/partners';
import { referralById } from '../../db/repositories/referrals';
import { listServiceTypes } from '../../db/repositories/pickLists';
import { getAgreement } from './agreements';
import { recordChange } from './audit';
import { actorOf, isoNow, type Actor, type AppContext, type HandlersOf } from './context';
import { renderDocx } from './documents/docx';
import { renderHtml } from './documents/html';
import type { DocumentModel, Paper } from './documents/model';
import { buildPksDocument } from './documents/pks';
import { contentHash, normaliseCode, verificationCode } from './documents/verification';
import { newId } from './ids';
import { pokmasListModel } from './pokmasList';
import { referralLetter } from './referralLetter';
import { printedReportFacts, type PrintedFacts } from './reportVerify';
import { logoImage, officeCode, officeSettings } from './settings';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type DocumentKind = 'pks' | 'rujukan';

/** What register() needs of the record behind a document (a report has no record: see reportPrinting.ts). */
export interface Registered {
  readonly kind: DocKind;
  readonly entityId: string;
  readonly title: string;
  readonly number: string;
}

/** What the register and the verification screen need to know about the record behind a document. */
interface Source {
  readonly kind: DocumentKind;
  readonly entityId: string;
  readonly title: string;
  readonly number: string;
  readonly partnerName: string;
  readonly href: string;
  readonly statusKey: string;
  readonly filename: string;
  model(paper: Paper): DocumentModel;
}

/** The PKS of an agreement as a document model, filled from the agreement, its partner and the office. */
export function pksModel(ctx: AppContext, a: Agreement, paper: Paper): DocumentModel {
  const partner = partnerById(ctx.db, a.partnerId)!;
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  const names = new Map(listServiceTypes(ctx.db).map((s) => [s.code, s.label_id]));
  const serviceNames = a.services.map((code) => (names.get(code) ?? code).toLowerCase());
  const logo = logoImage(ctx);
  return buildPksDocument(
    a,
    office,
    { name: partner.name, address: partner.address, serviceNames },
    paper,
    logo && { mime: logo.mime, base64: logo.base64, width: logo.width, height: logo.height },
  );
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '_');

const SOURCES: Readonly<Record<DocumentKind, (ctx: AppContext, id: string) => Source>> = {
  pks: (ctx, id) => {
    const a = getAgreement(ctx, id);
    return {
      kind: 'pks',
      entityId: a.id,
      title: a.subject,
      // A draft waiting for its number is printed (and registered) without one.
      number: a.officeNumber ?? '',
      partnerName: a.partnerName,
      href: `/pks/${a.id}`,
      statusKey: `agreement.status.${a.status}`,
      filename: `PKS-${safeName(a.officeNumber ?? 'draf')}`,
      model: (paper) => pksModel(ctx, a, paper),
    };
  },
  rujukan: (ctx, id) => {
    const r = referralById(ctx.db, id);
    if (!r) throw new AppError('NOT_FOUND', 'referrals.notFound');
    return {
      kind: 'rujukan',
      entityId: r.id,
      title: `Surat pengantar rujukan ${r.client_name}`,
      number: r.letter_number,
      partnerName: r.partner_name,
      href: `/rujukan/${r.id}`,
      statusKey: `referralStatus.${r.status}`,
      filename: `Rujukan-${safeName(r.letter_number)}`,
      model: (paper) => referralLetter(ctx, r, paper),
    };
  },
};

/**
 * Registers what is about to be printed: the same content keeps its version and code, changed
 * content gets the next version and a new code. Returns the model with its verification line.
 * `sha` is the content's hash where it is not the page's (a report's figures).
 */
export function register(
  ctx: AppContext,
  actor: Actor,
  source: Registered,
  doc: DocumentModel,
  sha = contentHash(doc),
): { doc: DocumentModel; code: string; version: number } {
  const printed = ctx.db.tx(() => {
    const known = documentByContent(ctx.db, source.kind, source.entityId, sha);
    if (known) return known;
    const now = isoNow(ctx);
    let id = newId();
    // 50-bit codes make a clash unthinkable at an office's volume; the unique index is the backstop.
    while (documentByCode(ctx.db, verificationCode(id, sha))) id = newId();
    const row = {
      id,
      kind: source.kind,
      entity_id: source.entityId,
      version: latestVersion(ctx.db, source.kind, source.entityId) + 1,
      content_sha256: sha,
      code: verificationCode(id, sha),
      title: source.title,
      number: source.number,
      printed_by: actor.id,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      origin: officeCode(ctx),
    };
    insertPrintedDocument(ctx.db, row);
    // The verification register travels in the next bundle: the parent must be able to check every code printed here.
    recordChange(ctx, actor, { action: 'create', entity: 'printed_document', entityId: id, after: row });
    return row;
  });
  const zone = officeSettings(ctx)?.timeZone ?? 'WIB';
  const since = formatDate(localDateOf(new Date(printed.created_at), zone));
  const caption = `Kode verifikasi ${printed.code} (versi ${printed.version}, ${since}). Keaslian dokumen ini dapat diperiksa pada aplikasi Mitra Lipas, menu Verifikasi dokumen.`;
  return { doc: { ...doc, verification: { code: printed.code, caption } }, code: printed.code, version: printed.version };
}

/** What the verification screen shows of a PKS or a referral letter, and the hash of its page rebuilt now. */
function sourceFacts(source: Source, number: string): PrintedFacts {
  return {
    href: source.href,
    number,
    partnerName: source.partnerName,
    statusKey: source.statusKey,
    sha: () => contentHash(source.model('A4')),
  };
}

/** A document model as the file asked for: HTML for preview and print, DOCX for Word, PDF where the app can print one. */
export async function renderFile(ctx: AppContext, doc: DocumentModel, base: string, format: 'html' | 'docx' | 'pdf', rows: number): Promise<ExportFile> {
  switch (format) {
    case 'html':
      return { rows, filename: `${base}.html`, mime: 'text/html', base64: Buffer.from(renderHtml(doc), 'utf8').toString('base64') };
    case 'docx':
      return { rows, filename: `${base}.docx`, mime: DOCX_MIME, base64: (await renderDocx(doc)).toString('base64') };
    case 'pdf': {
      if (!ctx.printPdf) throw new AppError('UNAVAILABLE', 'documents.pdfUnavailable');
      return { rows, filename: `${base}.pdf`, mime: 'application/pdf', base64: (await ctx.printPdf(renderHtml(doc))).toString('base64') };
    }
  }
}

/** One path for every printed document: register the version, then render HTML, DOCX or PDF. */
async function printDocument(
  ctx: AppContext,
  actor: Actor,
  source: Source,
  paper: Paper,
  format: 'html' | 'docx' | 'pdf',
  paraf = false,
): Promise<PrintedFile> {
  const printPdf = ctx.printPdf;
  // Refused before anything is registered: no version is recorded for a PDF that cannot be made.
  if (format === 'pdf' && !printPdf) throw new AppError('UNAVAILABLE', 'documents.pdfUnavailable');
  const { doc, code, version } = register(ctx, actor, source, { ...source.model(paper), ...(paraf ? { paraf } : {}) });
  return { ...(await renderFile(ctx, doc, `${source.filename}-${paper}`, format, doc.sections.length)), code, version };
}

/** A Pokmas group's member list: printed as the group stands, not registered (see pokmasList.ts). */
async function printPokmasList(ctx: AppContext, id: string, paper: Paper, format: 'html' | 'docx' | 'pdf'): Promise<ExportFile> {
  if (format === 'pdf' && !ctx.printPdf) throw new AppError('UNAVAILABLE', 'documents.pdfUnavailable');
  const doc = await pokmasListModel(ctx, id, paper);
  const name = safeName(doc.fields?.[0]?.value ?? 'Pokmas');
  return renderFile(ctx, doc, `Anggota-${name}-${paper}`, format, doc.table?.rows.length ?? 0);
}

export function printingHandlers(ctx: AppContext): HandlersOf<'agreements.document' | 'referrals.document' | 'pokmas.document' | 'documents.verify'> {
  return {
    'pokmas.document': (input) => printPokmasList(ctx, input.id, input.paper, input.format),
    'agreements.document': (input, call) => printDocument(ctx, actorOf(call), SOURCES.pks(ctx, input.id), input.paper, input.format, input.paraf),
    'referrals.document': (input, call) => printDocument(ctx, actorOf(call), SOURCES.rujukan(ctx, input.id), input.paper, input.format),
    'documents.verify': async (input, call): Promise<DocumentVerification> => {
      const code = normaliseCode(input.code);
      const row = code ? documentByCode(ctx.db, code) : undefined;
      if (!code || !row) return { found: false, code: code ?? input.code.trim().toUpperCase() };
      const facts = row.kind === 'laporan' ? printedReportFacts(ctx, row.number, call) : sourceFacts(SOURCES[row.kind](ctx, row.entity_id), row.number);
      const latest = latestVersion(ctx.db, row.kind, row.entity_id);
      const isLatest = row.version === latest;
      // A post's document (its register came in a bundle) carries the post's letterhead and address,
      // which the parent does not hold: rebuilding it here would always differ. Genuine and which
      // version, yes; whether the record still says the same is for the post to tell.
      const elsewhere = row.origin !== officeCode(ctx);
      const matchesCurrent = elsewhere ? null : (await facts.sha()) === row.content_sha256;
      return {
        found: true,
        code,
        kind: row.kind,
        entityId: row.entity_id,
        href: facts.href,
        title: row.title,
        number: facts.number,
        partnerName: facts.partnerName,
        version: row.version,
        latestVersion: latest,
        printedAt: row.created_at,
        printedBy: row.printed_by_name ?? '',
        matchesCurrent,
        printedAtOffice: elsewhere ? (registeredOffice(ctx.db, row.origin)?.office_name ?? row.origin) : null,
        standing: elsewhere
          ? isLatest
            ? 'elsewhere'
            : 'superseded'
          : isLatest
            ? matchesCurrent
              ? 'current'
              : 'changed'
            : matchesCurrent
              ? 'reverted'
              : 'superseded',
        statusKey: facts.statusKey,
      };
    },
  };
}
