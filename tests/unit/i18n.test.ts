import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMethod } from '../../shared/contract';
import { AUDIT_ACTIONS, BIDANG, PARTNER_CATEGORIES, PARTNER_STATUSES, ROLES } from '../../shared/domain';
import { en } from '../../shared/i18n/en';
import { id } from '../../shared/i18n/id';
import { isMessageKey, translate } from '../../shared/i18n/index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('message catalogues', () => {
  it('gives every Indonesian message an English one with the same placeholders', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('fills placeholders and shows non-keys unchanged', () => {
    expect(translate('id', 'partners.duplicate', { name: 'LBH Curup' })).toBe('Sudah ada mitra bernama “LBH Curup” di kabupaten/kota yang sama.');
    expect(translate('en', 'common.rowsShown', { shown: 3, total: 10 })).toBe('Showing 3 of 10');
    expect(translate('id', 'Teks biasa')).toBe('Teks biasa');
  });

  it('labels every code of every closed vocabulary', () => {
    const keys = [
      ...ROLES.map((r) => `role.${r}`),
      ...PARTNER_CATEGORIES.map((c) => `category.${c}`),
      ...BIDANG.map((b) => `bidang.${b}`),
      ...PARTNER_STATUSES.map((s) => `status.${s}`),
      ...AUDIT_ACTIONS.map((a) => `audit.action.${a}`),
    ];
    expect(keys.filter((k) => !isMessageKey(k))).toEqual([]);
  });

  it('has a message for every key the main process and the schemas can return', () => {
    const files = [...sourceFiles('electron/services'), ...sourceFiles('shared/schemas'), ...sourceFiles('db')];
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/'((?:v|auth|partners|pokmas|users|setup|settings|services|common|rpc|db|agreements|scans|files)\.[a-zA-Z]+)'/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    // RPC method names share the dotted shape but are not messages.
    expect([...used].filter((k) => !isMessageKey(k) && !isMethod(k))).toEqual([]);
  });
});
