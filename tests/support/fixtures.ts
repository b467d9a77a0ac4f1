/** Realistic records shared by the integration and end-to-end tests. */
import type { InputOf } from '../../shared/contract';
import type { SetupInputT } from '../../shared/schemas/setup';

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

/** A client of Pos Bapas Curup: a man born 15 March 1985 in Kecamatan Curup (17.02.09), on parole. */
export const CLIENT = {
  registerNumber: 'PB-001/2025',
  name: 'Budi Santoso',
  nik: '1702091503850001',
  sex: 'L',
  birthPlace: 'Curup',
  birthDate: '1985-03-15',
  address: 'Jl. Sukowati 5',
  regencyCode: '17.02',
  districtCode: '17.02.09',
  villageCode: null,
  phone: '0813-1234-5678',
  program: 'pb',
  decisionNumber: 'PAS-1234.PK.05.09 Tahun 2025',
  decisionDate: '2025-01-10',
  offence: 'Pencurian',
  supervisionStart: '2025-01-15',
  supervisionEnd: '2026-01-14',
  reporting: 'bulanan',
  interests: ['pelatihan_keterampilan'],
  skills: ['las listrik'],
} as const satisfies InputOf<'clients.create'>['data'];

/** A one-year agreement with a partner, numbered automatically (for tests that need one, not its details). */
export const agreementWith = (partnerId: string): InputOf<'agreements.create'> => ({
  data: {
    partnerId,
    subject: 'Pembinaan Klien',
    signDate: '2025-03-05',
    startDate: '2025-03-05',
    termMonths: 12,
    bidang: ['kemandirian_kepribadian'],
    officeSignatory: { name: 'Drs. Hendra Saputra', nip: '', position: 'Kepala Bapas' },
    partnerSignatory: { name: 'KH. Ahmad Fauzi', position: 'Pimpinan' },
  },
  number: { mode: 'auto' },
});
