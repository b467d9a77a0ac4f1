import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { BundleExportRow, BundlePlan } from '../../../shared/types';
import { LATEST_VERSION } from '../../../db/migrations/index';
import {
  acknowledgeExport,
  bundleExport,
  bundleExports,
  dropReservedExport,
  insertBundleExport,
  lastAcknowledgedExport,
  lastWrittenExport,
  reservedExports,
  settleExport,
} from '../../../db/repositories/bundles';
import { registeredParent } from '../../../db/repositories/officeKeys';
import { lastChangeSeq } from '../../../db/repositories/syncRows';
import { userById } from '../../../db/repositories/users';
import { recordChange, type AuditWho } from '../audit';
import { signedAuditHead } from '../auditAnchor';
import { actorOf, isoNow, type AppContext, type HandlersOf } from '../context';
import { readStoredFile, sha256 } from '../files';
import { officeKeys } from '../keys';
import { officeSettings, officeToday, securitySettings } from '../settings';
import { keepHighestSeq, nextSeq } from './chain';
import { collect, type Collected } from './collect';
import { compressionFor, joinParts, partInfo, splitParts, writeBundle } from './format';
import { nodeIo, writeVerified, type MediaIo } from './media';
import { readReceipt } from './receipts';
import { fileEntry } from './tables';

const MB = 1024 * 1024;

interface Prepared {
  readonly plan: BundlePlan;
  readonly collected: Collected;
}

function ownPost(ctx: AppContext) {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  if (office.kind !== 'pos') throw new AppError('CONFLICT', 'bundles.onlyPos');
  return office;
}

/** What an export would carry, from the change log and the export history; nothing is written. */
function prepare(ctx: AppContext, input: ParsedInputOf<'bundles.plan'>, estimate = true): Prepared {
  const office = ownPost(ctx);
  const acked = lastAcknowledgedExport(ctx.db);
  const from = input.mode === 'full' ? 0 : (acked?.change_to ?? 0);
  const to = lastChangeSeq(ctx.db);
  const collected = collect(ctx.db, {
    origin: office.code,
    range: input.mode === 'full' ? null : { from, to },
    includeNik: securitySettings(ctx).bundlesIncludeNik,
    filesDir: ctx.filesDir,
  });
  // Data compresses the way the zip will compress it; attachments (PDF, JPEG) hardly at all.
  let dataBytes = 1024;
  if (estimate) for (const [name, bytes] of collected.data) dataBytes += deflateRawSync(bytes, { level: compressionFor(name) }).length + 2 * name.length + 100;
  const filesBytes = [...collected.files.values()].reduce((s, n) => s + n, 0);
  const estimatedBytes = dataBytes + (input.withFiles ? filesBytes + collected.files.size * 150 : 0);
  const limitBytes = input.limitMb * MB;
  const parent = registeredParent(ctx.db);
  const next = nextSeq(ctx, office.code);
  return {
    collected,
    plan: {
      seq: next.seq,
      mode: input.mode,
      changeFrom: from,
      changeTo: to,
      counts: collected.counts,
      records: collected.records,
      filesCount: collected.files.size,
      filesBytes,
      estimatedBytes,
      limitBytes,
      overLimit: estimatedBytes > limitBytes,
      parent: parent ? { code: parent.office_code, name: parent.office_name } : null,
      lastAcknowledgedSeq: acked?.seq ?? null,
      nikIncluded: securitySettings(ctx).bundlesIncludeNik,
      afterRestore: next.afterRestore,
    },
  };
}

export const bundleFilename = (officeCode: string, seq: number, date: string) => `${officeCode}-${String(seq).padStart(4, '0')}-${date}.mlpaket`;
const partName = (base: string, i: number, n: number) => base.replace(/\.mlpaket$/, `.bagian-${i}-dari-${n}.mlpaket`);

/** "Kirim ke Bapas induk": the plan, the export itself, its history, "Buka folder", and receipts coming back. */
export function bundleExportHandlers(
  ctx: AppContext,
  io?: MediaIo,
): HandlersOf<'bundles.plan' | 'bundles.export' | 'bundles.exports' | 'bundles.reveal' | 'bundles.readReceipt'> {
  let busy = false;
  return {
    'bundles.plan': (input) => prepare(ctx, input).plan,
    'bundles.export': async (input, call) => {
      const actor = actorOf(call);
      // One export at a time: the sequence number is taken before the (asynchronous) sealing.
      if (busy) throw new AppError('CONFLICT', 'bundles.busy');
      busy = true;
      try {
        // The real size decides, not the plan's estimate (which is not even computed here).
        const { plan, collected } = prepare(ctx, input, false);
        const office = ownPost(ctx);
        const previous = lastWrittenExport(ctx.db);
        const parent = registeredParent(ctx.db);
        const keys = officeKeys(ctx);
        const build = (withFiles: boolean) => {
          const entries = new Map(collected.data);
          if (withFiles) for (const sha of collected.files.keys()) entries.set(fileEntry(sha), readStoredFile(ctx.filesDir, sha));
          return writeBundle(
            {
              appVersion: ctx.appVersion,
              schemaVersion: LATEST_VERSION,
              officeCode: office.code,
              seq: plan.seq,
              previousSha256: previous?.sha256 ?? null,
              changeRange: { from: plan.changeFrom, to: plan.changeTo },
              createdAt: isoNow(ctx),
              createdBy: actor.name,
              counts: plan.counts,
              auditHead: signedAuditHead(ctx),
              ...(plan.afterRestore ? { afterRestore: plan.afterRestore } : {}),
            },
            entries,
            keys.signing.privateKey,
            parent ? Buffer.from(parent.encryption_key, 'base64url') : null,
          );
        };
        let withFiles = input.withFiles && collected.files.size > 0;
        let bytes = await build(withFiles);
        const tooBig = withFiles && bytes.length > plan.limitBytes;
        // The real size goes with the refusal: the plan's estimate may have been just under the
        // limit, and the screen offers the choice from this measurement.
        if (tooBig && !input.overLimit)
          throw new AppError('CONFLICT', 'bundles.chooseOverLimit', { params: { bytes: bytes.length, limitBytes: plan.limitBytes } });
        if (tooBig && input.overLimit === 'leaveOutFiles') bytes = await build((withFiles = false));
        const base = bundleFilename(office.code, plan.seq, officeToday(ctx));
        const outputs =
          tooBig && input.overLimit === 'split'
            ? splitParts(bytes, plan.limitBytes).map((p, i, all) => ({ name: partName(base, i + 1, all.length), bytes: p }))
            : [{ name: base, bytes }];
        const hash = sha256(bytes);
        // The number is taken before the file is written: a power cut after the file reached the
        // stick but before it was recorded leaves a reservation, settled at the next start, never
        // a number the next export would hand out again for other content.
        ctx.db.tx(() => {
          insertBundleExport(ctx.db, {
            seq: plan.seq,
            mode: input.mode,
            change_from: plan.changeFrom,
            change_to: plan.changeTo,
            with_files: withFiles ? 1 : 0,
            filenames: JSON.stringify(outputs.map((o) => o.name)),
            folder: input.folder,
            size: bytes.length,
            sha256: hash,
            previous_sha256: previous?.sha256 ?? null,
            counts: JSON.stringify(plan.counts),
            created_by: actor.id,
            created_at: isoNow(ctx),
            acknowledged_at: null,
            state: 'reserved',
          });
          // Outside the database too, before the reservation commits: a restored database cannot
          // hand the number out again (chain.ts). A file that cannot be written rolls it back.
          keepHighestSeq(ctx, office.code, plan.seq);
        });
        try {
          writeVerified(input.folder, outputs, io);
        } catch (e) {
          // writeVerified leaves nothing under a final name when it fails: the number is free again,
          // in the file as in the database (the next export must not read it as a restore).
          ctx.db.tx(() => {
            dropReservedExport(ctx.db, plan.seq);
            keepHighestSeq(ctx, office.code, plan.seq - 1);
          });
          throw e;
        }
        ctx.db.tx(() => {
          settleExport(ctx.db, plan.seq, 'done');
          recordExport(ctx, actor, plan.seq, {
            mode: input.mode,
            records: plan.records,
            files: withFiles ? plan.filesCount : 0,
            size: bytes.length,
            sha256: hash,
          });
        });
        return {
          seq: plan.seq,
          folder: input.folder,
          filenames: outputs.map((o) => o.name),
          size: bytes.length,
          sha256: hash,
          filesLeftOut: tooBig && input.overLimit === 'leaveOutFiles',
        };
      } finally {
        busy = false;
      }
    },
    'bundles.exports': () => bundleExports(ctx.db).map((r) => toRow(r, (id) => (id ? (userById(ctx.db, id)?.name ?? '') : ''))),
    'bundles.reveal': (input) => {
      const row = bundleExport(ctx.db, input.seq);
      if (!row) throw new AppError('NOT_FOUND', 'bundles.exportNotFound');
      const path = join(row.folder, (JSON.parse(row.filenames) as string[])[0]!);
      if (!ctx.host) return { revealed: false, path };
      ctx.host.reveal(path);
      return { revealed: true, path };
    },
    'bundles.readReceipt': (input, call) => {
      const actor = actorOf(call);
      const office = ownPost(ctx);
      const parent = registeredParent(ctx.db);
      const receipt = readReceipt(
        Buffer.from(input.base64, 'base64'),
        parent ? { code: parent.office_code, signingKey: parent.signing_key } : null,
        office.code,
      );
      return ctx.db.tx(() => {
        const acknowledged: number[] = [];
        const at = isoNow(ctx);
        for (const a of receipt.accepted) {
          const row = bundleExport(ctx.db, a.seq);
          // Only exports the parent names by their exact hash: a receipt cannot acknowledge a bundle it did not get.
          if (row && row.sha256 === a.sha256 && !row.acknowledged_at) {
            // The parent holds it: whatever the last start concluded, that file did reach it.
            if (row.state !== 'done') settleExport(ctx.db, a.seq, 'done');
            acknowledgeExport(ctx.db, a.seq, at);
            acknowledged.push(a.seq);
          }
        }
        recordChange(ctx, actor, { action: 'receipt', entity: 'bundle', entityId: receipt.parentCode, after: { acknowledged }, sync: false });
        return { acknowledged };
      });
    },
  };
}

function recordExport(ctx: AppContext, who: AuditWho, seq: number, after: Record<string, unknown>) {
  recordChange(ctx, who, { action: 'export', entity: 'bundle', entityId: String(seq), after: { seq, ...after }, sync: false });
}

/** The bundle a reservation names, as it stands in its folder now (parts joined), or null when it is not all there. */
function readBack(row: NonNullable<ReturnType<typeof bundleExport>>, io: MediaIo): Buffer | null {
  try {
    const files = (JSON.parse(row.filenames) as string[]).map((n) => io.readFileSync(join(row.folder, n)));
    const whole = files.length === 1 && !partInfo(files[0]!) ? files[0]! : joinParts(files);
    return sha256(whole) === row.sha256 ? whole : null;
  } catch {
    return null;
  }
}

/**
 * At start: exports whose number was reserved when the app last stopped. A bundle found whole in
 * its folder was written (recorded now); otherwise the number is abandoned and never used again,
 * so the parent sees at most a gap that the next incremental bundle covers, never a number reused.
 */
export function settleReservedExports(ctx: AppContext, io: MediaIo = nodeIo): void {
  for (const row of reservedExports(ctx.db)) {
    const written = readBack(row, io) !== null;
    ctx.db.tx(() => {
      settleExport(ctx.db, row.seq, written ? 'done' : 'abandoned');
      // On record in the name of the officer who made it.
      if (written)
        recordExport(ctx, { id: row.created_by, name: (row.created_by && userById(ctx.db, row.created_by)?.name) || '' }, row.seq, {
          mode: row.mode,
          size: row.size,
          sha256: row.sha256,
          settledAtStart: true,
        });
    });
  }
}

function toRow(r: NonNullable<ReturnType<typeof bundleExport>>, nameOf: (id: string | null) => string): BundleExportRow {
  const counts = JSON.parse(r.counts) as Record<string, number>;
  return {
    seq: r.seq,
    mode: r.mode,
    changeFrom: r.change_from,
    changeTo: r.change_to,
    withFiles: r.with_files === 1,
    filenames: JSON.parse(r.filenames) as string[],
    folder: r.folder,
    size: r.size,
    sha256: r.sha256,
    records: Object.values(counts).reduce((s, n) => s + n, 0),
    createdAt: r.created_at,
    createdBy: nameOf(r.created_by),
    acknowledgedAt: r.acknowledged_at,
    state: r.state,
  };
}
