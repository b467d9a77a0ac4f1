import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf, Method, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { SetupInputT } from '../../shared/schemas/setup';
import { createAppCore, type AppCore } from '../../electron/services/app';

/** A real app core on a real SQLite file in a fresh temp folder, with a clock the test controls. */
export interface TestApp extends AppCore {
  readonly dir: string;
  clock: { now: Date };
  call<M extends Method>(method: M, input: InputOf<M>, token?: string | null): Promise<OutputOf<M>>;
  /** Calls and returns the error; fails the test when the call succeeds. */
  fail<M extends Method>(method: M, input: unknown, token?: string | null): Promise<AppError>;
  dispose(): void;
}

export function makeApp(start = new Date('2025-03-05T03:00:00Z')): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-test-'));
  const clock = { now: start };
  const core = createAppCore(dir, { now: () => clock.now });
  return {
    ...core,
    dir,
    clock,
    async call(method, input, token = null) {
      const r = await core.dispatch({ method, input, token });
      if (!r.ok) throw AppError.fromData(r.error);
      return r.value as never;
    },
    async fail(method, input, token = null) {
      const r = await core.dispatch({ method, input, token });
      if (r.ok) throw new Error(`${method} was expected to fail but succeeded`);
      return AppError.fromData(r.error);
    },
    dispose() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SETUP: SetupInputT = {
  office: {
    kind: 'pos',
    name: 'Pos Bapas Curup',
    code: 'CRP',
    parentName: 'Bapas Kelas I Bengkulu',
    parentClass: 'I',
    kanwil: 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan Bengkulu',
    letterhead: ['KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA', 'DIREKTORAT JENDERAL PEMASYARAKATAN'],
    address: 'Jl. S. Sukowati No. 1, Curup',
    city: 'Curup',
    timeZone: 'WIB',
    coverage: ['17.02', '17.08', '17.07'],
  },
  admin: {
    name: 'Siti Rahmawati',
    nip: '198703152010122001',
    position: 'PK Madya',
    username: 'admin',
    password: 'rahasia-kantor-1',
    passwordConfirm: 'rahasia-kantor-1',
  },
};

/** Setup done and an admin signed in; returns the admin's token. */
export async function setUpOffice(app: TestApp): Promise<string> {
  await app.call('setup.complete', SETUP);
  const s = await app.call('auth.login', { username: 'admin', password: SETUP.admin.password });
  return s.token;
}

/** Creates a user with `role` and signs them in; returns the token. */
export async function signInAs(app: TestApp, adminToken: string, role: 'admin' | 'petugas' | 'pimpinan' | 'operator', username = role): Promise<string> {
  const password = 'sandi-petugas-1';
  await app.call('users.create', { name: `Pengguna ${role}`, nip: '', position: '', username, role, password, passwordConfirm: password }, adminToken);
  return (await app.call('auth.login', { username, password })).token;
}

export const PARTNER = {
  name: 'Pondok Pesantren Al-Hikmah',
  category: 'ormas',
  bidang: ['kemandirian_kepribadian'],
  services: ['bimbingan_keagamaan', 'pelatihan_keterampilan'],
  leaderName: 'KH. Ahmad Fauzi',
  contactName: 'Ustadz Ridwan',
  phone: '0812-7345-6789',
  email: 'alhikmah@example.org',
  address: 'Jl. Merdeka 12',
  regencyCode: '17.02',
  districtCode: null,
  villageCode: null,
  capacity: 10,
  statusDate: '2025-03-01',
} as const satisfies InputOf<'partners.create'>;
