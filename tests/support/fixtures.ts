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
