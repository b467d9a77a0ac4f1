import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { continuesReceived, missingBundles } from '../../../shared/bundles';
import { AppError } from '../../../shared/errors';
import type { BundleAfterRestore, BundleInspection, BundleOddity, OfficeCounts, PostSubmissions } from '../../../shared/types';
import { LATEST_VERSION } from '../../../db/migrations/index';
import {
  allBundleImports,
  bundleImportBySeq,
  bundleImportBySha,
  bundleImportsOf,
  countsByOrigin,
  insertBundleImport,
  lastLocalSeqOf,
} from '../../../db/repositories/bundles';
import { registeredOffice, registeredOffices } from '../../../db/repositories/officeKeys';
import { lastChangeSeq, withLargeCache } from '../../../db/repositories/syncRows';
import { recordChange } from '../audit';
import { verifyAuditHead } from '../auditAnchor';
import { actorOf, isoNow, type AppContext, type HandlersOf } from '../context';
import { sha256 } from '../files';
import { officeKeys } from '../keys';
import { officeSettings, officeToday } from '../settings';
import { applyData, readData, storeAttachments, type Analysis, type BundleData } from './apply';
import { applyFailure, localFault } from './faults';
import { openBundle, refuse, unseal, type OpenedBundle } from './format';
import { writeVerified } from './media';
import { makeReceipt } from './receipts';
import { checkRestoreNote, gapOutsideRestore, restoredOddity } from './restoreNote';
import { bundleSources, errorOf } from './sources';

/** The newest signed audit head a post's bundles carried (by bundle number), for the tracker. */
function lastAuditHead(rows: readonly { seq: number; audit_head: string | null }[]): { seq: number; at: string } | null {
  const newest = [...rows].filter((r) => r.audit_head).sort((a, b) => b.seq - a.seq)[0];
  if (!newest) return null;
  const head = JSON.parse(newest.audit_head!) as { seq: number; at: string };
  return { seq: head.seq, at: head.at };
}

/** "Terima paket" at a Bapas induk, the submission tracker, receipts, and counts per office. */
export function bundleImportHandlers(
  ctx: AppContext,
): HandlersOf<'bundles.inspect' | 'bundles.apply' | 'bundles.received' | 'bundles.receipt' | 'bundles.officeCounts' | 'bundles.unseal'> {
  const ownParent = () => {
    const office = officeSettings(ctx);
    if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
    if (office.kind !== 'induk') throw new AppError('CONFLICT', 'bundles.onlyInduk');
    return office;
  };
  const open = async (bytes: Buffer): Promise<OpenedBundle> => {
    const keys = officeKeys(ctx);
    const opened = await openBundle(
      bytes,
      keys.encryption,
      (code) => {
        const post = registeredOffice(ctx.db, code);
        return post && post.relation === 'post' ? Buffer.from(post.signing_key, 'base64url') : null;
      },
      LATEST_VERSION,
    );
    const post = registeredOffice(ctx.db, opened.manifest.officeCode)!;
    // Clients' records must not travel readable to anyone who finds the stick: plain only where an admin allowed it for that post.
    if (!opened.sealed && post.allow_plain !== 1) throw refuse('bundles.plainRefused', { code: post.office_code });
    // The post's audit head must be its own signature, or the parent would keep worthless evidence.
    const head = opened.manifest.auditHead;
    if (head && !verifyAuditHead(head, Buffer.from(post.signing_key, 'base64url'))) throw refuse('bundles.badAuditHead', { code: post.office_code });
    return opened;
  };
  const signerOf = (code: string) => registeredOffice(ctx.db, code)?.signing_key ?? null;
  /**
   * Bundles the last "Periksa" found ready, by the SHA-256 of their bytes: "Terima" then reads the
   * files again and, where the bytes and the sender's registered key are still the same, skips
   * decrypting, inflating, hashing and parsing a second time. Dropped on the next check or apply,
   * or after a quarter of an hour: a whole office's bundle is hundreds of megabytes in memory.
   */
  const checked = new Map<string, { opened: OpenedBundle; data: BundleData; signer: string | null }>();
  let forget: ReturnType<typeof setTimeout> | null = null;
  const keepChecked = () => {
    if (forget) clearTimeout(forget);
    forget = setTimeout(() => checked.clear(), 15 * 60_000);
    // Never what keeps the process alive.
    forget.unref?.();
  };
  /** The preview: the apply's own classification, writing nothing (synchronous, so no other call can change the data meanwhile). */
  const preview = (opened: OpenedBundle, ownCode: string): Analysis => {
    const data = readData(ctx.db, opened.manifest, opened.entries);
    const analysis = applyData(ctx.db, opened.manifest, data, { dryRun: true, ownCode, lastLocalSeq: lastLocalSeqOf(ctx.db, opened.manifest.officeCode) });
    checked.set(opened.sha256, { opened, data, signer: signerOf(opened.manifest.officeCode) });
    return analysis;
  };
  /**
   * A post's audit log only grows: a bundle whose signed head has fewer entries than one the post
   * sent before means its log was cut or its data replaced (a restore, a reinstall). Worth a call.
   */
  const auditRewound = (code: string, seq: number, headSeq: number | null): BundleOddity | null => {
    if (headSeq === null) return null;
    const before = bundleImportsOf(ctx.db, code)
      .filter((r) => r.seq < seq && r.audit_head)
      .map((r) => (JSON.parse(r.audit_head!) as { seq: number }).seq);
    const most = Math.max(0, ...before);
    return headSeq < most ? { kind: 'auditRewound', before: most, now: headSeq } : null;
  };
  const gapBefore = (code: string, next: { seq: number; from: number; to: number }): BundleOddity | null => {
    const received = bundleImportsOf(ctx.db, code).map((r) => ({ seq: r.seq, from: r.change_from, to: r.change_to }));
    const missing = missingBundles([...received, next]).filter((s) => s < next.seq);
    return missing.length ? { kind: 'gap', missing, covered: continuesReceived(received, next) } : null;
  };

  return {
    'bundles.inspect': async (input) => {
      const office = ownParent();
      checked.clear();
      keepChecked();
      const out: BundleInspection[] = [];
      for (const src of bundleSources(input.paths)) {
        const base = { files: src.files.map((f) => basename(f)), tables: [], oddities: [], replaced: [], replacedTotal: 0, receivedAt: null };
        const refused = (e: AppError, opened?: OpenedBundle): BundleInspection => ({
          ...base,
          status: 'refused',
          error: { key: e.message, ...(e.params ? { params: e.params } : {}) },
          sha256: opened?.sha256 ?? (src.bytes ? sha256(src.bytes) : null),
          officeCode: opened?.manifest.officeCode ?? null,
          officeName: opened ? (registeredOffice(ctx.db, opened.manifest.officeCode)?.office_name ?? null) : null,
          seq: opened?.manifest.seq ?? null,
          createdAt: opened?.manifest.createdAt ?? null,
          createdBy: opened?.manifest.createdBy ?? null,
          changeFrom: opened?.manifest.changeRange.from ?? null,
          changeTo: opened?.manifest.changeRange.to ?? null,
        });
        if (!src.bytes) {
          out.push(refused(src.error!));
          continue;
        }
        let opened: OpenedBundle;
        try {
          opened = await open(src.bytes);
        } catch (e) {
          out.push(refused(errorOf(e)));
          continue;
        }
        const m = opened.manifest;
        const described = {
          ...base,
          sha256: opened.sha256,
          officeCode: m.officeCode,
          officeName: registeredOffice(ctx.db, m.officeCode)?.office_name ?? null,
          seq: m.seq,
          createdAt: m.createdAt,
          createdBy: m.createdBy,
          changeFrom: m.changeRange.from,
          changeTo: m.changeRange.to,
        };
        const sameSeq = bundleImportBySeq(ctx.db, m.officeCode, m.seq);
        const before = bundleImportBySha(ctx.db, opened.sha256) ?? (sameSeq?.manifest_sha256 === opened.manifestSha256 ? sameSeq : undefined);
        if (before) {
          out.push({ ...described, status: 'received', error: null, receivedAt: before.received_at });
          continue;
        }
        if (sameSeq) {
          out.push(refused(new AppError('VALIDATION', 'bundles.seqReused', { params: { seq: m.seq } }), opened));
          continue;
        }
        try {
          checkRestoreNote(ctx.db, m);
          const analysis = preview(opened, office.code);
          const oddities: BundleOddity[] = [];
          const restored = restoredOddity(ctx.db, m);
          if (restored) oddities.push(restored);
          const gap = gapOutsideRestore(gapBefore(m.officeCode, { seq: m.seq, from: m.changeRange.from, to: m.changeRange.to }), m);
          if (gap) oddities.push(gap);
          for (const [table, count] of Object.entries(analysis.changedAtParent)) oddities.push({ kind: 'changedAtParent', table, count });
          if (m.schemaVersion < LATEST_VERSION) oddities.push({ kind: 'olderSchema', schemaVersion: m.schemaVersion });
          const rewound = auditRewound(m.officeCode, m.seq, m.auditHead?.seq ?? null);
          if (rewound) oddities.push(rewound);
          const sentFiles = [...opened.entries.keys()].some((n) => n.startsWith('files/'));
          if (!sentFiles && ((m.counts.agreement_scans ?? 0) > 0 || (m.counts.activity_files ?? 0) > 0)) oddities.push({ kind: 'filesLeftOut' });
          out.push({
            ...described,
            status: 'ok',
            error: null,
            tables: analysis.tables,
            oddities,
            replaced: analysis.replaced.records(),
            replacedTotal: analysis.replaced.total,
          });
        } catch (e) {
          // A busy or failing database while checking says so, never "damaged bundle".
          out.push(refused(localFault(e) ?? errorOf(e), opened));
        }
      }
      return out;
    },
    'bundles.apply': async (input, call) => {
      const actor = actorOf(call);
      const office = ownParent();
      const chosen: OpenedBundle[] = [];
      const parsed = new Map<OpenedBundle, BundleData>();
      for (const src of bundleSources(input.paths)) {
        const hash = src.bytes ? sha256(src.bytes) : null;
        if (!src.bytes || !hash || !input.accept.includes(hash)) continue;
        const seen = checked.get(hash);
        if (seen && seen.signer === signerOf(seen.opened.manifest.officeCode)) {
          chosen.push(seen.opened);
          parsed.set(seen.opened, seen.data);
          continue;
        }
        try {
          chosen.push(await open(src.bytes));
        } catch (e) {
          throw errorOf(e);
        }
      }
      checked.clear();
      // The files must still be the ones previewed, every one of them.
      const found = new Set(chosen.map((c) => c.sha256));
      if (input.accept.some((h) => !found.has(h))) throw new AppError('CONFLICT', 'bundles.changedSincePreview');
      chosen.sort((a, b) => a.manifest.officeCode.localeCompare(b.manifest.officeCode) || a.manifest.seq - b.manifest.seq);
      // Already received (this file, or the same signed content in another envelope), or the same
      // content twice in this receive: applied once.
      const fresh = chosen.filter(
        (c, i) =>
          chosen.findIndex((d) => d.manifestSha256 === c.manifestSha256) === i &&
          !bundleImportBySha(ctx.db, c.sha256) &&
          bundleImportBySeq(ctx.db, c.manifest.officeCode, c.manifest.seq)?.manifest_sha256 !== c.manifestSha256,
      );
      // Every row of every bundle checked before anything is written, files included.
      const datas = fresh.map((c) => ({ c, data: parsed.get(c) ?? readData(ctx.db, c.manifest, c.entries) }));
      const applied: { officeCode: string; seq: number; sha256: string }[] = [];
      const stored: string[] = [];
      try {
        withLargeCache(ctx.db, () =>
          ctx.db.tx(() => {
            for (const { c, data } of datas) {
              const m = c.manifest;
              if (bundleImportBySeq(ctx.db, m.officeCode, m.seq)) throw new AppError('VALIDATION', 'bundles.seqReused', { params: { seq: m.seq } });
              checkRestoreNote(ctx.db, m);
              const analysis = applyData(ctx.db, m, data, { dryRun: false, ownCode: office.code, lastLocalSeq: lastLocalSeqOf(ctx.db, m.officeCode) });
              insertBundleImport(ctx.db, {
                office_code: m.officeCode,
                seq: m.seq,
                sha256: c.sha256,
                manifest_sha256: c.manifestSha256,
                previous_sha256: m.previousSha256,
                change_from: m.changeRange.from,
                change_to: m.changeRange.to,
                bundle_created_at: m.createdAt,
                bundle_created_by: m.createdBy,
                counts: JSON.stringify(analysis.tables),
                local_seq: lastChangeSeq(ctx.db),
                received_by: actor.id,
                received_at: isoNow(ctx),
                audit_head: m.auditHead ? JSON.stringify(m.auditHead) : null,
                after_restore: m.afterRestore ? JSON.stringify(m.afterRestore) : null,
              });
              recordChange(ctx, actor, {
                action: 'import',
                entity: 'bundle',
                entityId: `${m.officeCode}-${m.seq}`,
                after: { officeCode: m.officeCode, seq: m.seq, sha256: c.sha256, tables: analysis.tables },
                sync: false,
              });
              applied.push({ officeCode: m.officeCode, seq: m.seq, sha256: c.sha256 });
            }
            // Attachments last, inside the transaction: after every row was accepted, before the commit.
            // A failed commit (a deferred foreign key) removes the files this apply added, and a crash
            // between the two leaves at most an unused file: never a record without its file, which
            // storing them after the commit could.
            for (const { c, data } of datas) storeAttachments(ctx.filesDir, c.entries, data, stored);
          }),
        );
      } catch (e) {
        for (const f of stored) rmSync(f, { force: true });
        throw applyFailure(e);
      }
      return { applied };
    },
    'bundles.received': () => {
      const imports = allBundleImports(ctx.db);
      return registeredOffices(ctx.db)
        .filter((o) => o.relation === 'post')
        .map((o): PostSubmissions => {
          const mine = imports.filter((r) => r.office_code === o.office_code);
          const latest = (at: (r: (typeof mine)[number]) => string) => mine.map(at).reduce<string | null>((m, v) => (m === null || v > m ? v : m), null);
          return {
            officeCode: o.office_code,
            officeName: o.office_name,
            received: mine.map((r) => ({
              seq: r.seq,
              sha256: r.sha256,
              createdAt: r.bundle_created_at,
              receivedAt: r.received_at,
              records: (JSON.parse(r.counts) as { added: number; changed: number; archived: number; unchanged: number }[]).reduce(
                (s, t) => s + t.added + t.changed + t.archived + t.unchanged,
                0,
              ),
              afterRestore: r.after_restore ? (JSON.parse(r.after_restore) as BundleAfterRestore) : null,
            })),
            missing: missingBundles(mine.map((r) => ({ seq: r.seq, from: r.change_from, to: r.change_to }))),
            lastReceivedAt: latest((r) => r.received_at),
            lastCreatedAt: latest((r) => r.bundle_created_at),
            auditHead: lastAuditHead(mine),
          };
        });
    },
    'bundles.receipt': (input, call) => {
      const actor = actorOf(call);
      const office = ownParent();
      const post = registeredOffice(ctx.db, input.officeCode);
      if (!post || post.relation !== 'post') throw new AppError('NOT_FOUND', 'bundles.unknownOffice', { params: { code: input.officeCode } });
      const accepted = bundleImportsOf(ctx.db, input.officeCode).map((r) => ({ seq: r.seq, sha256: r.sha256, receivedAt: r.received_at }));
      if (!accepted.length) throw new AppError('CONFLICT', 'bundles.nothingReceived');
      const bytes = makeReceipt({ parentCode: office.code, postCode: input.officeCode, createdAt: isoNow(ctx), accepted }, officeKeys(ctx).signing.privateKey);
      ctx.db.tx(() =>
        recordChange(ctx, actor, { action: 'receipt', entity: 'bundle', entityId: input.officeCode, after: { seqs: accepted.map((a) => a.seq) }, sync: false }),
      );
      return {
        filename: `tanda-terima-${office.code}-${input.officeCode}-${officeToday(ctx)}.json`,
        mime: 'application/json',
        base64: bytes.toString('base64'),
        rows: accepted.length,
      };
    },
    'bundles.officeCounts': () => {
      const office = officeSettings(ctx);
      if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
      const c = countsByOrigin(ctx.db, officeToday(ctx));
      const n = (rows: readonly { origin: string; n: number }[], code: string) => rows.find((r) => r.origin === code)?.n ?? 0;
      const offices = [
        { code: office.code, name: office.name, own: true },
        ...registeredOffices(ctx.db)
          .filter((o) => o.relation === 'post')
          .map((o) => ({ code: o.office_code, name: o.office_name, own: false })),
      ];
      return offices.map((o): OfficeCounts => ({
        officeCode: o.code,
        officeName: o.name,
        own: o.own,
        partners: n(c.partners, o.code),
        clients: n(c.clients, o.code),
        agreementsActive: n(c.agreementsActive, o.code),
        referralsOpen: n(c.referralsOpen, o.code),
        activities: n(c.activities, o.code),
      }));
    },
    'bundles.unseal': (input, call) => {
      const actor = actorOf(call);
      ownParent();
      const src = bundleSources(input.paths).find((s) => s.bytes && sha256(s.bytes) === input.sha256);
      if (!src?.bytes) throw new AppError('CONFLICT', 'bundles.changedSincePreview');
      const zip = unseal(src.bytes, officeKeys(ctx).encryption);
      // Named after the bundle, without the part number of a split one.
      const name = `${basename(src.files[0]!).replace(/(\.bagian-\d+-dari-\d+)?\.mlpaket$/i, '')}.zip`;
      writeVerified(input.folder, [{ name, bytes: zip }]);
      // Personal data leaves the app's keeping in plain form: on record.
      ctx.db.tx(() =>
        recordChange(ctx, actor, { action: 'export', entity: 'bundle', entityId: input.sha256, after: { folder: input.folder, name }, sync: false }),
      );
      return { path: join(input.folder, name) };
    },
  };
}
