import type { RecoveryProblem } from '../../shared/backups';
import { SECTIONS, UNITS } from '../../shared/indicators';
import { PERIOD_KINDS } from '../../shared/periods';
import { RECORD_COLUMNS } from '../../shared/reports';
import { decisionRoles } from '../../shared/roles';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_TABLES } from '../../electron/services/bundles/tables';
import { ACTIVITY_TYPES } from '../../shared/activities';
import { PLACEHOLDERS } from '../../shared/agreementTemplate';
import { AGREEMENT_STATUSES } from '../../shared/agreements';
import { CHECKIN_KINDS, type DueStatus } from '../../shared/checkins';
import { CLIENT_STATUSES, EDUCATION, PHASES, PROGRAMS, RELIGIONS, REPORTING } from '../../shared/clients';
import { isMethod } from '../../shared/contract';
import { AUDIT_ACTIONS, BIDANG, OFFICE_KINDS, PARTNER_CATEGORIES, PARTNER_STATUSES, ROLES } from '../../shared/domain';
import { en, enPlurals } from '../../shared/i18n/en';
import { id } from '../../shared/i18n/id';
import { isMessageKey, translate, type MessageKey } from '../../shared/i18n/index';
import { IMPORT_FIELDS } from '../../shared/imports';
import type { NikProblem } from '../../shared/nik';
import { AUDIT_ENTITIES, ENTITY_FIELDS } from '../../shared/recordFields';
import { BACKUP_KINDS } from '../../shared/backups';
import { OUTCOMES, REFERRAL_PROBLEMS, REFERRAL_STATUSES } from '../../shared/referrals';
import type { AuditVerifyResult, BundleTableChanges, ImportAction } from '../../shared/types';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every file whose strings can reach a screen, a file or a refusal (db/ only where it refuses: the rest is SQL). */
const CODE = [
  ...sourceFiles('renderer/src'),
  ...sourceFiles('electron'),
  ...sourceFiles('shared').filter((f) => !f.includes('i18n')),
  'db/migrate.ts',
  'scripts/preview-web.ts',
].map((f) => ({ f, src: readFileSync(f, 'utf8') }));

/** The first segments of the catalogue's keys ("partners", "audit", ...): a string starting so is meant as a key. */
const KEY_ROOTS = new Set(Object.keys(id).map((k) => k.split('.')[0]!));
/** Every proper prefix of every key ("audit", "audit.entity", ...). */
const KEY_PREFIXES = new Set(
  Object.keys(id).flatMap((k) =>
    k
      .split('.')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('.')),
  ),
);

/**
 * The vocabulary a key built from a prefix and a value (`program.${p}`) takes its values from. A
 * new prefix in the code must be added here, so that every value it can take is checked.
 */
const VOCABULARIES: Readonly<Record<string, readonly string[]>> = {
  role: ROLES,
  decision: Object.keys(decisionRoles),
  category: PARTNER_CATEGORIES,
  bidang: BIDANG,
  status: PARTNER_STATUSES,
  'audit.action': AUDIT_ACTIONS,
  'audit.entity': AUDIT_ENTITIES,
  'audit.verify': ['edited', 'missing', 'truncated', 'anchorTampered', 'anchorMissing'] satisfies NonNullable<AuditVerifyResult['problem']>[],
  program: PROGRAMS,
  clientStatus: CLIENT_STATUSES,
  reporting: REPORTING,
  phase: PHASES,
  religion: RELIGIONS,
  education: EDUCATION,
  sex: ['L', 'P'],
  'agreement.status': AGREEMENT_STATUSES,
  referralStatus: REFERRAL_STATUSES,
  outcome: OUTCOMES,
  'referrals.problem': REFERRAL_PROBLEMS,
  checkinKind: CHECKIN_KINDS,
  dueStatus: ['met', 'missed', 'open', 'upcoming'] satisfies DueStatus[],
  activityType: ACTIVITY_TYPES,
  importAction: ['new', 'update', 'unchanged', 'error'] satisfies ImportAction[],
  importField: IMPORT_FIELDS,
  imports: ['nikDamaged', 'nikInvalid'],
  'backups.kind': BACKUP_KINDS,
  'v.nik': ['format', 'short', 'long', 'date', 'serial', 'district'] satisfies (NikProblem | 'district')[],
  'bundles.summary': ['added', 'changed', 'archived'] satisfies (keyof Omit<BundleTableChanges, 'table'>)[],
  placeholder: PLACEHOLDERS,
  'setup.kind': OFFICE_KINDS,
  'keys.wrongKind': OFFICE_KINDS,
  'recovery.problem': ['corrupt', 'notDatabase', 'tooNew', 'unreadable'] satisfies RecoveryProblem[],
  'keys.relation': ['parent', 'post'],
  'verify.kind': ['pks', 'rujukan'],
  'bundles.table': BUNDLE_TABLES,
  'bundles.status': ['ok', 'received', 'refused'],
  'bundles.modeShort': ['incremental', 'full'],
  bundles: ['notRegularFile', 'tooLarge'],
  'partners.filter.archived': ['active', 'archived', 'all'],
  'record.settings': ['settings', 'logo', 'agreements', 'holidays'],
  'caseload.source': ['nasional', 'kantor'],
  'reports.kind': PERIOD_KINDS,
  'reports.col': [...new Set(Object.values(RECORD_COLUMNS).flatMap((cols) => cols.map((c) => c.key)))],
  'reports.section': SECTIONS.map(String),
  'reports.unit': UNITS,
};

/**
 * Prefixes the code looks up only after asking whether the key exists, falling back to words
 * (shared/readableChanges.ts importFieldLabel: a client form field's label where one exists).
 */
const GUARDED = new Set(['clients']);

/** Prefixes of keys built in the code: `prefix.${…}` where the prefix is a prefix of some key. */
function builtPrefixes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { f, src } of CODE)
    for (const m of src.matchAll(/[`'"]([a-zA-Z_]+(?:\.[a-zA-Z_]+)*)\.\$\{/g)) {
      // A template may also build a form path (`office.letterhead.${i}`): only a prefix of a key counts.
      const key = m[1]!.replace(/^.*[`'"]/, '');
      if (!KEY_PREFIXES.has(key)) continue;
      found.set(key, [...(found.get(key) ?? []), f]);
    }
  // The same through a variable: `const key = \`bundles.table.${table}\``, `audit.entity.${x}` in JSX.
  return found;
}

describe('message catalogues', () => {
  it('gives every Indonesian message an English one with the same placeholders', () => {
    for (const key of Object.keys(id) as MessageKey[]) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('fills placeholders and shows non-keys unchanged', () => {
    expect(translate('id', 'partners.duplicate', { name: 'LBH Curup' })).toBe('Sudah ada mitra bernama “LBH Curup” di kabupaten/kota yang sama.');
    expect(translate('en', 'common.rowsShown', { shown: 3, total: 10 })).toBe('Showing 3 of 10');
    expect(translate('id', 'Teks biasa')).toBe('Teks biasa');
  });

  it('has a message for every literal key the code uses', () => {
    const used = new Set<string>();
    for (const { src } of CODE)
      for (const m of src.matchAll(/(?<![\w.$/-])['"`]([a-zA-Z]+(?:\.[a-zA-Z_]+)+)['"`]/g)) if (KEY_ROOTS.has(m[1]!.split('.')[0]!)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(700);
    // RPC method names share the dotted shape but are not messages; a prefix ("referrals.problem") is checked with its vocabulary.
    expect([...used].filter((k) => !isMessageKey(k) && !isMethod(k) && !KEY_PREFIXES.has(k))).toEqual([]);
  });

  it('sees every key built from a prefix and a value, and has it for every value of its vocabulary', () => {
    const built = builtPrefixes();
    // The scan finds the prefixed keys the code builds (audit.entity, program, agreement.status, bundles.table…).
    for (const p of ['audit.entity', 'program', 'agreement.status', 'bundles.table', 'audit.action', 'category']) expect([...built.keys()]).toContain(p);
    const unregistered = [...built].filter(([p]) => !VOCABULARIES[p] && !GUARDED.has(p)).map(([p, files]) => `${p} (${files.join(', ')})`);
    expect(unregistered).toEqual([]);
    const missing = [...built.keys()].flatMap((p) => (VOCABULARIES[p] ?? []).map((v) => `${p}.${v}`)).filter((k) => !isMessageKey(k) || !en[k as MessageKey]);
    expect(missing).toEqual([]);
  });

  it('labels every field of every audited record and every code such a field holds', () => {
    const missing: string[] = [];
    for (const [entity, fields] of Object.entries(ENTITY_FIELDS))
      for (const [field, spec] of Object.entries(fields)) {
        if (!isMessageKey(spec.label)) missing.push(`${entity}.${field}: ${spec.label}`);
        if (spec.kind.kind !== 'enum') continue;
        const values = VOCABULARIES[spec.kind.prefix];
        if (!values) missing.push(`${entity}.${field}: no vocabulary for ${spec.kind.prefix}`);
        for (const v of values ?? []) if (!isMessageKey(`${spec.kind.prefix}.${v}`)) missing.push(`${spec.kind.prefix}.${v}`);
      }
    expect(missing).toEqual([]);
  });

  it('labels every entity the audit log records', () => {
    const entities = new Set<string>();
    for (const { src } of CODE) for (const m of src.matchAll(/\bentity: '([a-z_]+)'/g)) entities.add(m[1]!);
    expect(entities.size).toBeGreaterThan(15);
    expect([...entities].filter((e) => !(AUDIT_ENTITIES as readonly string[]).includes(e))).toEqual([]);
  });

  it('says "1 referral" and "2 referrals" in English, and the same noun for any count in Indonesian', () => {
    expect(translate('en', 'home.atRisk', { count: 1 })).toMatch(/^1 referral under way/);
    expect(translate('en', 'home.atRisk', { count: 2 })).toMatch(/^2 referrals under way/);
    expect(translate('en', 'bundles.applied', { n: 1 })).toBe('1 bundle received.');
    expect(translate('en', 'partners.exported', { rows: 1, file: 'a.xlsx' })).toBe('1 row exported to a.xlsx.');
    expect(translate('id', 'bundles.applied', { n: 1 })).toBe(translate('id', 'bundles.applied', { n: 2 }).replace('2', '1'));
    for (const [key, form] of Object.entries(enPlurals)) {
      expect(placeholders(form!.one), key).toEqual(placeholders(en[key as MessageKey]));
      expect(placeholders(form!.one), key).toContain(form!.by);
    }
    // An English message that counts a plural noun ("{count} clients") has its singular form.
    const counted = Object.entries(en).filter(([, text]) => /\{(count|n|rows|shown|checked)\} [a-z]+s\b/.test(text));
    expect(counted.filter(([key]) => !enPlurals[key as MessageKey]).map(([key]) => key)).toEqual([]);
  });
});
