import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeApp, PARTNER, setUpOffice } from '../support/app';
import { pairedOffices, type Pair } from '../support/offices';

/** The clock of pairedOffices stands on 5 March 2025: the month report of March counts what is recorded today. */
const MARCH = { period: { kind: 'month', year: 2025, month: 3 }, scope: { kind: 'own' }, paper: 'A4', format: 'html' } as const;

const receive = async (pair: Pair, folder: string) => {
  const seen = await pair.parent.call('bundles.inspect', { paths: [folder] }, pair.parentAdmin);
  await pair.parent.call('bundles.apply', { paths: [folder], accept: seen.map((s) => s.sha256!) }, pair.parentAdmin);
  const receipt = await pair.parent.call('bundles.receipt', { officeCode: 'CRP' }, pair.parentAdmin);
  await pair.post.call('bundles.readReceipt', { base64: receipt.base64 }, pair.postAdmin);
};

describe('the printed report’s verification code', () => {
  it('verifies at the post (current, then "changed" after a later record in the period) and at the parent after an incremental bundle', async () => {
    const pair = await pairedOffices();
    try {
      const t = pair.postAdmin;
      const full = mkdtempSync(join(pair.stick, 'full-'));
      await pair.post.call('bundles.export', { mode: 'full', withFiles: true, folder: full }, t);
      await receive(pair, full);

      const printed = await pair.post.call('reports.document', MARCH, t);
      expect(printed.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      expect(printed.version).toBe(1);
      const html = Buffer.from(printed.base64, 'base64').toString('utf8');
      // Under the signature and in the page footer, as on the PKS.
      expect(html).toContain(`data-code="${printed.code}"`);
      expect(html).toContain(`Kode verifikasi ${printed.code} (versi 1`);
      // The same figures printed again, on another paper and as Word, keep their version and code.
      pair.post.clock.now = new Date('2025-03-05T03:01:00Z');
      expect(await pair.post.call('reports.document', { ...MARCH, paper: 'F4', format: 'docx' }, t)).toMatchObject({ code: printed.code, version: 1 });

      const atPost = await pair.post.call('documents.verify', { code: printed.code.toLowerCase().replace('-', '') }, t);
      expect(atPost).toMatchObject({
        found: true,
        kind: 'laporan',
        title: 'LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN MARET 2025',
        number: 'Maret 2025',
        href: '/laporan',
        version: 1,
        latestVersion: 1,
        printedAt: '2025-03-05T03:00:00.000Z',
        printedBy: 'Siti Rahmawati',
        standing: 'current',
        matchesCurrent: true,
        printedAtOffice: null,
      });

      // A partner recorded later in March changes the month's figures: the printed copy no longer matches.
      await pair.post.call('partners.create', PARTNER, t);
      expect(await pair.post.call('documents.verify', { code: printed.code }, t)).toMatchObject({ standing: 'changed', matchesCurrent: false, version: 1 });

      // The register travels in the next incremental bundle; the parent knows the code as the post's.
      expect(await pair.parent.call('documents.verify', { code: printed.code }, pair.parentAdmin)).toEqual({ found: false, code: printed.code });
      const inc = mkdtempSync(join(pair.stick, 'inc-'));
      expect((await pair.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder: inc }, t)).seq).toBe(2);
      await receive(pair, inc);
      expect(await pair.parent.call('documents.verify', { code: printed.code }, pair.parentAdmin)).toMatchObject({
        found: true,
        kind: 'laporan',
        title: 'LAPORAN BULANAN POKMAS LIPAS POS BAPAS CURUP BULAN MARET 2025',
        number: 'Maret 2025',
        version: 1,
        latestVersion: 1,
        printedBy: 'Siti Rahmawati',
        standing: 'elsewhere',
        matchesCurrent: null,
        printedAtOffice: 'Pos Bapas Curup',
      });

      // Printed again with the new figures: version 2, a new code; the first copy is now the older version.
      const again = await pair.post.call('reports.document', MARCH, t);
      expect(again).toMatchObject({ version: 2 });
      expect(again.code).not.toBe(printed.code);
      expect(await pair.post.call('documents.verify', { code: printed.code }, t)).toMatchObject({ standing: 'superseded', latestVersion: 2 });
      expect(await pair.post.call('documents.verify', { code: again.code }, t)).toMatchObject({ standing: 'current', version: 2 });
      // The parent's own March report is numbered apart from the post's: its first print is its version 1.
      expect(await pair.parent.call('reports.document', MARCH, pair.parentAdmin)).toMatchObject({ version: 1 });
    } finally {
      pair.dispose();
    }
  });

  it('counts the months its charts show: an activity recorded later for October changes the printed November report', async () => {
    const app = makeApp(new Date('2026-12-05T03:00:00Z'));
    try {
      const t = await setUpOffice(app);
      const NOVEMBER = { period: { kind: 'month', year: 2026, month: 11 }, scope: { kind: 'all' }, paper: 'A4', format: 'html' } as const;
      const printed = await app.call('reports.document', NOVEMBER, t);
      const before = await app.call('reports.compute', { period: NOVEMBER.period }, t);
      await app.call('activities.create', { date: '2026-10-15', type: 'pelatihan', bidang: null, title: 'Pelatihan las', participants: [] }, t);
      // November's own figures are as they were; its chart of the months before is not.
      expect((await app.call('reports.compute', { period: NOVEMBER.period }, t)).figures).toEqual(before.figures);
      expect(await app.call('documents.verify', { code: printed.code }, t)).toMatchObject({ standing: 'changed', matchesCurrent: false });
      expect(await app.call('reports.document', NOVEMBER, t)).toMatchObject({ version: 2 });
    } finally {
      app.dispose();
    }
  });
});
