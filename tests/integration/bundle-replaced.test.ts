import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendChange } from '../../db/repositories/changeLog';
import { fieldLabel } from '../../shared/readableChanges';
import { fieldSpec } from '../../shared/recordFields';
import { translate } from '../../shared/i18n';
import { PARTNER } from '../support/app';
import { CLIENT } from '../support/fixtures';
import { pairedOffices, type Pair } from '../support/offices';

/**
 * Before "Terima", the check lists every record the parent holds that the bundle would replace
 * with other values: by its name and the labels of the fields that change (as the audit log
 * names them), the parent's own edits first and marked, never by ids.
 */
let p: Pair;
const { statusDate: _statusDate, ...FIELDS } = PARTNER;
beforeAll(async () => {
  p = await pairedOffices();
}, 60_000);
afterAll(() => p.dispose());

async function send(): Promise<string> {
  const folder = mkdtempSync(join(p.stick, 'paket-'));
  await p.post.call('bundles.export', { mode: 'incremental', withFiles: true, folder }, p.postAdmin);
  return folder;
}

describe('a bundle that replaces what the parent holds', () => {
  it('is listed before Terima by record names and field labels, the parent’s own edits first', async () => {
    const t = p.postAdmin;
    const partner = await p.post.call('partners.create', PARTNER, t);
    const client = await p.post.call('clients.create', { data: CLIENT, statusDate: '2025-01-15' }, t);
    const first = await send();
    const [fresh] = await p.parent.call('bundles.inspect', { paths: [first] }, p.parentAdmin);
    // New records replace nothing.
    expect(fresh).toMatchObject({ status: 'ok', replaced: [], replacedTotal: 0 });
    await p.parent.call('bundles.apply', { paths: [first], accept: [fresh!.sha256!] }, p.parentAdmin);
    const receipt = await p.parent.call('bundles.receipt', { officeCode: 'CRP' }, p.parentAdmin);
    await p.post.call('bundles.readReceipt', { base64: receipt.base64 }, t);

    // The parent changed the post's partner before records had one writer (as stored then).
    p.parent.db.tx(() => {
      p.parent.db.raw.prepare(`UPDATE partners SET name = 'Ponpes Al-Hikmah (induk)', phone = '+6281100000000' WHERE id = ?`).run(partner.id);
      appendChange(p.parent.db, { entity: 'partner', entityId: partner.id, op: 'upsert', at: '2025-03-05T03:00:30.000Z', origin: 'BKL' });
    });
    p.post.clock.now = new Date('2025-03-05T03:01:00Z');
    await p.post.call('partners.update', { id: partner.id, expectedUpdatedAt: partner.updatedAt, data: { ...FIELDS, leaderName: 'KH. Abdul Malik' } }, t);
    await p.post.call('partners.setStatus', { id: partner.id, status: 'terverifikasi', date: '2025-03-05' }, t);
    await p.post.call('clients.update', { id: client.id, expectedUpdatedAt: client.updatedAt, data: { ...CLIENT, phone: '0812-0000-1111' } }, t);

    const [seen] = await p.parent.call('bundles.inspect', { paths: [await send()] }, p.parentAdmin);
    expect(seen).toMatchObject({ status: 'ok', replacedTotal: 2 });
    const [partnerRow, clientRow] = seen!.replaced;
    expect(partnerRow).toMatchObject({ table: 'partners', entity: 'partner', name: PARTNER.name, editedHere: true, children: ['partner_status_changes'] });
    expect(Object.fromEntries(partnerRow!.fields.map((f) => [f.field, [f.before, f.after]]))).toEqual({
      name: ['Ponpes Al-Hikmah (induk)', PARTNER.name],
      phone: ['+6281100000000', '+6281273456789'],
      leaderName: [PARTNER.leaderName, 'KH. Abdul Malik'],
      status: ['calon', 'terverifikasi'],
      statusDate: ['2025-03-01', '2025-03-05'],
    });
    expect(clientRow).toMatchObject({ table: 'clients', entity: 'client', name: `${CLIENT.name} (${CLIENT.registerNumber})`, editedHere: false, children: [] });
    expect(clientRow!.fields.map((f) => f.field)).toEqual(['phone']);
    // Every field has its label from the audit log's map: words, never a column name.
    for (const r of seen!.replaced) for (const f of r.fields) expect(fieldSpec(r.entity, f.field).label, `${r.entity}.${f.field}`).not.toBeNull();
    expect(fieldLabel('partner', 'leaderName', { t: (key) => translate('id', key) })).toBe('Nama pimpinan');
  });
});
