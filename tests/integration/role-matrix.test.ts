import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type Method } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { makeApp, SETUP, setUpOffice, signInAs, type TestApp } from '../support/app';

/**
 * Every method × role, written out by hand (not read from the contract), and checked through the
 * real dispatcher: a refused pair must answer FORBIDDEN, an allowed pair anything but FORBIDDEN (an
 * empty input mostly answers VALIDATION, which is fine: the role check comes first). Without a
 * session every method but the public ones answers UNAUTHENTICATED.
 *
 * Columns: A admin, P petugas, M pimpinan, O operator; a dash is refused. `public` is open to all,
 * even without a session.
 *
 * The rules behind it (README "Peran"):
 * - The operator records and drafts; decisions are the admin's and the petugas': a partner's
 *   standing (partners.setStatus, any target), signing and cancelling a PKS, a client's status
 *   (closing or reopening), archiving, bundles. Decisions inside an input (a partner registered as
 *   aktif, a phase override, a referral override) are shared/roles.ts `decisionRoles`, tested in
 *   tests/integration/decisions.test.ts.
 * - The pimpinan reads everything, the audit log included (list, export, verify: all reads), and
 *   writes nothing. Counted as reads: the exports and the full client record (they only add an
 *   audit entry), and printing a PKS or a cover letter (agreements.document, referrals.document):
 *   the verification register keeps the printed version so its code can be checked later, which
 *   records that a paper copy exists and changes no record. Not reads, so refused: the NIK and
 *   referral checks of the forms (clients.checkNik, referrals.check, only for a form that saves),
 *   every imports.* step but the kept reports, the file dialogs (host.*, only for screens that
 *   write files), keys.* but the list, bundles.* but the histories.
 * - Own session and password (auth.*) are everyone's.
 */
const EXPECTED: Record<Method, 'public' | string> = {
  'app.status': 'public',
  'setup.complete': 'public',
  'setup.regencies': 'public',
  'auth.login': 'public',
  'auth.logout': 'APMO',
  'auth.lock': 'APMO',
  'auth.unlock': 'APMO',
  'auth.me': 'APMO',
  'auth.changePassword': 'APMO', // one's own password

  'users.list': 'A---',
  'users.create': 'A---',
  'users.update': 'A---',
  'users.setActive': 'A---',
  'users.resetPassword': 'A---',
  'users.names': 'APMO',
  'users.officers': 'APMO',

  'holidays.list': 'APMO',
  'holidays.confirm': 'A---',
  'holidays.add': 'A---',
  'holidays.remove': 'A---',

  'settings.get': 'APMO',
  'settings.update': 'A---',
  'settings.setLogo': 'A---',
  'settings.logo': 'APMO',
  'wilayah.coverage': 'APMO',
  'wilayah.districts': 'APMO',
  'wilayah.villages': 'APMO',
  'wilayah.inRecords': 'APMO',
  'wilayah.provinces': 'APMO',
  'institutionTypes.list': 'APMO',
  'institutionTypes.create': 'A---',
  'pokmas.document': 'APMO',
  'services.list': 'APMO',
  'services.create': 'A---',

  'partners.list': 'APMO',
  'partners.get': 'APMO',
  'partners.history': 'APMO',
  'partners.duplicates': 'APMO',
  'partners.create': 'AP-O', // an operator registers a calon only (decisionRoles.partnerStanding)
  'partners.update': 'AP-O',
  'partners.setStatus': 'AP--', // every change of standing is a decision
  'partners.archive': 'AP--',
  'partners.restore': 'A---',
  'partners.export': 'APMO',

  'pokmas.list': 'APMO',
  'pokmas.get': 'APMO',
  'pokmas.create': 'AP-O',
  'pokmas.update': 'AP-O',
  'pokmas.archive': 'AP--',
  'pokmas.restore': 'A---',

  'agreements.list': 'APMO',
  'agreements.statusCounts': 'APMO',
  'agreements.get': 'APMO',
  'agreements.create': 'AP-O', // a draft
  'agreements.update': 'AP-O', // a draft
  'agreements.sign': 'AP--',
  'agreements.cancel': 'AP--',
  'agreements.renew': 'AP-O', // a renewal draft, signed by a petugas or an admin
  'agreements.export': 'APMO',
  'agreements.document': 'APMO', // printing: a read with a register entry
  'agreements.uploadScan': 'AP-O', // the signed paper, filed
  'agreements.scan': 'APMO',
  'agreements.previewNumber': 'APMO',
  'agreements.settings': 'APMO',
  'agreements.updateSettings': 'A---',

  'clients.list': 'APMO',
  'clients.get': 'APMO', // audited view
  'clients.create': 'AP-O', // the phase override is a decision (decisionRoles.phaseOverride)
  'clients.update': 'AP-O',
  'clients.setStatus': 'AP--', // closing (and reopening) is a decision
  'clients.checkNik': 'AP-O',
  'clients.ended': 'APMO',
  'clients.export': 'APMO',

  'referrals.check': 'AP-O',
  'referrals.create': 'AP-O', // setting conditions aside: admin only (decisionRoles.referralOverride)
  'referrals.setStatus': 'AP-O', // the partner's answer and the placement's course, as reported
  'referrals.list': 'APMO',
  'referrals.export': 'APMO',
  'referrals.get': 'APMO',
  'referrals.addHours': 'AP-O',
  'referrals.suggest': 'APMO',
  'referrals.atRisk': 'APMO',
  'referrals.document': 'APMO', // printing: a read with a register entry

  'checkins.record': 'AP-O',
  'checkins.ofClient': 'APMO',
  'checkins.overdue': 'APMO',
  'checkins.overdueExport': 'APMO',
  'checkins.agenda': 'APMO',

  'imports.open': 'AP-O',
  'imports.status': 'AP-O',
  'imports.columns': 'AP-O',
  'imports.check': 'AP-O',
  'imports.rows': 'AP-O',
  'imports.cancel': 'AP-O',
  'imports.commit': 'AP-O',
  'imports.report': 'APMO',
  'imports.history': 'APMO',

  'activities.list': 'APMO',
  'activities.get': 'APMO',
  'activities.create': 'AP-O',
  'activities.update': 'AP-O',
  'activities.addFile': 'AP-O',
  'activities.file': 'APMO',
  'activities.export': 'APMO',

  'keys.own': 'A---',
  'keys.card': 'A---',
  'keys.readCard': 'A---',
  'keys.register': 'A---',
  'keys.list': 'APMO',
  'keys.allowPlain': 'A---',

  'bundles.plan': 'AP--',
  'bundles.export': 'AP--',
  'bundles.exports': 'APMO',
  'bundles.reveal': 'AP--',
  'bundles.readReceipt': 'AP--',
  'bundles.inspect': 'AP--',
  'bundles.apply': 'AP--',
  'bundles.received': 'APMO',
  'bundles.receipt': 'AP--',
  'bundles.officeCounts': 'APMO',
  'bundles.unseal': 'A---',
  'host.chooseFolder': 'AP-O',
  'host.chooseFiles': 'AP-O',

  // Backups: the admin and the pimpinan see the list; making and checking one is the admin's.
  'backups.list': 'A-M-',
  'backups.create': 'A---',
  'backups.inspect': 'A---',
  'backups.status': 'A-M-',
  'backups.saveSettings': 'A---',
  'backups.copy': 'A---',
  'backups.progress': 'A---',
  'backups.cancelCopy': 'A---',
  'backups.recoveryKey': 'A---',
  'backups.recoveryKeySheet': 'A---',
  'backups.confirmRecoveryKey': 'A---',
  'backups.newRecoveryKey': 'A---',
  // Restoring replaces the office's whole record: the admin's alone, like checking the database.
  'backups.restorePlan': 'A---',
  'backups.restore': 'A---',
  'backups.undoRestore': 'A---',
  'backups.restoreStatus': 'A---',
  'backups.checkDatabase': 'A---',
  // Recovery mode has no users to check (no database): public, and refused with a sound database.
  'recovery.restoreLatest': 'public',
  'recovery.salvage': 'public',

  'templates.list': 'APMO',
  'templates.save': 'A---',
  'templates.delete': 'A---',
  'documents.verify': 'APMO',

  'audit.list': 'A-M-',
  'audit.export': 'A-M-',
  'audit.verify': 'A-M-',

  'reports.compute': 'APMO',
  'reports.records': 'APMO',
  'reports.series': 'APMO',
  'reports.targets': 'APMO',
  'reports.setTargets': 'A---',
  'reports.markSent': 'AP--',
  'reports.versions': 'APMO',
  'reports.tracker': 'APMO',
  'reports.document': 'APMO',
  'reports.export': 'APMO',
  'reports.coverLetter': 'APMO',
  // Registers (printable books): reads, audited like the exports; the pimpinan's NIKs masked as in clients.export.
  'registers.clients': 'APMO',
  'registers.klaper': 'APMO',
  'registers.partners': 'APMO',
  'registers.referrals': 'APMO',
  'registers.overdue': 'APMO',
  'registers.checkinCard': 'APMO',
  'registers.attendance': 'APMO',
  'registers.activityReport': 'APMO',
};

const ROLES = ['admin', 'petugas', 'pimpinan', 'operator'] as const;
type Role = (typeof ROLES)[number];
/** Calls that end or lock the session they are made with get a session of their own. */
const ENDS_SESSION = new Set<Method>(['auth.logout', 'auth.lock']);

let app: TestApp;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  app = makeApp();
  tokens.admin = await setUpOffice(app);
  for (const role of ['petugas', 'pimpinan', 'operator'] as const) tokens[role] = await signInAs(app, tokens.admin, role);
});
afterAll(() => app.dispose());

const passwordOf = (role: Role) => (role === 'admin' ? SETUP.admin.password : 'sandi-petugas-1');
const freshToken = async (role: Role) => (await app.call('auth.login', { username: role, password: passwordOf(role) })).token;

/** 'ok' or the error code the dispatcher answered, for an empty input. */
async function outcome(method: Method, token: string | null): Promise<string> {
  return app.call(method, {} as never, token).then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `thrown: ${String(e)}`),
  );
}

describe('the role table', () => {
  it('has a written expectation for every method and nothing else', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...METHODS].sort());
    for (const [m, e] of Object.entries(EXPECTED)) expect(e === 'public' || /^[A-][P-][M-][O-]$/.test(e), m).toBe(true);
  });

  it('is what the main process enforces, for every method and role', async () => {
    const wrong: string[] = [];
    for (const method of METHODS) {
      const expected = EXPECTED[method];
      for (const [i, role] of ROLES.entries()) {
        const allowed = expected === 'public' || expected[i] !== '-';
        const got = await outcome(method, ENDS_SESSION.has(method) ? await freshToken(role) : tokens[role]);
        if (got === 'UNAUTHENTICATED' || got === 'SESSION_LOCKED' || got.startsWith('thrown')) wrong.push(`${method} × ${role}: ${got}`);
        else if (allowed === (got === 'FORBIDDEN')) wrong.push(`${method} × ${role}: expected ${allowed ? 'allowed' : 'FORBIDDEN'}, got ${got}`);
      }
      const anonymous = await outcome(method, null);
      if (expected === 'public' ? anonymous === 'UNAUTHENTICATED' || anonymous === 'FORBIDDEN' : anonymous !== 'UNAUTHENTICATED') {
        wrong.push(`${method} × no session: got ${anonymous}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
