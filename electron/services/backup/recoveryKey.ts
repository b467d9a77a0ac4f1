import type { RecoveryKeyView } from '../../../shared/backupPanel';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import type { ExportFile } from '../../../shared/types';
import { recordChange } from '../audit';
import { actorOf, type AppContext, type Call } from '../context';
import { escapeHtml } from '../documents/html';
import { officeSettings } from '../settings';
import { backupKeys, forgetPendingRecoveryKey, pendingRecoveryKey, recoveryKeyMadeAt, renewRecoveryKey, type KeyWrapper } from './keys';

/** The Kunci Pemulihan still waits to be written down (no backup key yet counts: the first one makes it). */
export async function recoveryKeyPending(ctx: AppContext, wrapper: KeyWrapper): Promise<boolean> {
  if (!officeSettings(ctx)) return false;
  return recoveryKeyMadeAt(ctx) === null || (await pendingRecoveryKey(ctx, wrapper)) !== null;
}

/**
 * The Kunci Pemulihan for the admin: shown (in its groups of five) as long as it has not been
 * confirmed as written down; after that only that it was shown. Makes the backup key on first use.
 */
export async function recoveryKeyView(ctx: AppContext, wrapper: KeyWrapper): Promise<RecoveryKeyView> {
  if (!officeSettings(ctx)) throw new AppError('SETUP_REQUIRED', 'setup.required');
  await backupKeys(ctx, wrapper);
  const pending = await pendingRecoveryKey(ctx, wrapper);
  const createdAt = recoveryKeyMadeAt(ctx)!;
  return pending ? { state: 'show', groups: pending.split('-'), createdAt } : { state: 'shown', createdAt };
}

export async function confirmRecoveryKey(ctx: AppContext, wrapper: KeyWrapper, call: Call): Promise<RecoveryKeyView> {
  const actor = actorOf(call);
  const view = await recoveryKeyView(ctx, wrapper);
  if (view.state === 'shown') return view;
  forgetPendingRecoveryKey(ctx);
  ctx.db.tx(() => recordChange(ctx, actor, { action: 'update', entity: 'settings', entityId: 'recoveryKey', after: { writtenDown: true }, sync: false }));
  return { state: 'shown', createdAt: view.createdAt };
}

export async function newRecoveryKey(ctx: AppContext, wrapper: KeyWrapper, call: Call): Promise<RecoveryKeyView> {
  const actor = actorOf(call);
  if (!officeSettings(ctx)) throw new AppError('SETUP_REQUIRED', 'setup.required');
  await renewRecoveryKey(ctx, wrapper);
  ctx.db.tx(() => recordChange(ctx, actor, { action: 'update', entity: 'settings', entityId: 'recoveryKey', after: { renewed: true }, sync: false }));
  return recoveryKeyView(ctx, wrapper);
}

/**
 * The sheet for the office safe: the office, the date, the key in large monospaced groups and
 * what to do with it, in plain words. Only while the key is still to be written down.
 */
export async function recoveryKeySheet(ctx: AppContext, wrapper: KeyWrapper): Promise<ExportFile> {
  const office = officeSettings(ctx);
  const view = await recoveryKeyView(ctx, wrapper);
  if (!office || view.state !== 'show') throw new AppError('CONFLICT', 'backups.recoveryKeyShown');
  const made = formatDateTime(view.createdAt, office.timeZone, 'id');
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Kunci Pemulihan</title><style>
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
body { font-family: 'Times New Roman', serif; font-size: 12pt; color: #000; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
.office { text-align: center; font-size: 13pt; margin-bottom: 10mm; }
.key { font-family: 'Courier New', monospace; font-size: 26pt; font-weight: bold; letter-spacing: 2pt; text-align: center; border: 2pt solid #000; padding: 8mm 4mm; margin: 8mm 0; word-spacing: 10pt; }
ol li { margin-bottom: 3mm; }
.made { margin-top: 10mm; }
</style></head><body>
<h1>KUNCI PEMULIHAN CADANGAN</h1>
<div class="office">${escapeHtml(office.name)}</div>
<p>Kunci ini membuka cadangan data kantor di komputer mana pun. Tanpa kunci ini, cadangan tidak dapat dipulihkan bila komputer kantor rusak, hilang, atau dipasang ulang.</p>
<div class="key">${view.groups.map(escapeHtml).join(' ')}</div>
<ol>
<li>Simpan lembar ini di brankas kantor. Jangan disimpan di komputer, di surel, atau difoto.</li>
<li>Jangan serahkan kepada siapa pun selain pimpinan dan admin kantor.</li>
<li>Bila lembar ini hilang atau mungkin dibaca orang lain, buat kunci pemulihan baru di Pengaturan &rarr; Cadangan, lalu simpan lembar yang baru. Cadangan lama tetap terbuka dengan kunci lama; simpan kedua lembar.</li>
<li>Huruf yang mirip tidak tertukar: O dibaca 0, I dan L dibaca 1.</li>
</ol>
<p class="made">Dibuat: ${escapeHtml(made)}</p>
</body></html>`;
  const base = `kunci-pemulihan-${office.code}`;
  if (ctx.printPdf) return { filename: `${base}.pdf`, mime: 'application/pdf', base64: (await ctx.printPdf(html)).toString('base64'), rows: 0 };
  return { filename: `${base}.html`, mime: 'text/html', base64: Buffer.from(html, 'utf8').toString('base64'), rows: 0 };
}
