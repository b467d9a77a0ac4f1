/**
 * National holidays (libur nasional) and cuti bersama, as the SKB of the Minister of Religious
 * Affairs, the Minister of Manpower and the Minister for State Apparatus sets them each year. The
 * app carries this list and never fetches one: an office works offline. The admin confirms the days
 * that apply (Pengaturan → Hari libur); only confirmed days move a due date of wajib lapor.
 *
 * 2026: SKB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 (17 libur nasional, 8 cuti
 * bersama). 2027: no SKB was known when this list was written. Days fixed by law (1 January,
 * 1 May, 1 June, 17 August, 25 December) and those of the Christian calendar (computed from Easter)
 * are certain; the days of the lunar calendars are estimates marked as such, to be checked against
 * the SKB when it is published, and 2027's cuti bersama are left for the admin to add.
 */

export interface NationalHoliday {
  readonly date: string;
  readonly name: string;
  readonly kind: 'libur' | 'cuti_bersama';
  /** An estimate ("perkiraan, periksa SKB"): the date is not yet set by an SKB. */
  readonly estimated: boolean;
}

const libur = (date: string, name: string, estimated = false): NationalHoliday => ({ date, name, kind: 'libur', estimated });
const cuti = (date: string, name: string): NationalHoliday => ({ date, name, kind: 'cuti_bersama', estimated: false });

export const NATIONAL_HOLIDAYS: readonly NationalHoliday[] = [
  libur('2026-01-01', 'Tahun Baru 2026 Masehi'),
  libur('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti('2026-02-16', 'Cuti bersama Tahun Baru Imlek'),
  libur('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  cuti('2026-03-18', 'Cuti bersama Hari Suci Nyepi'),
  libur('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  cuti('2026-03-20', 'Cuti bersama Idulfitri 1447 H'),
  libur('2026-03-21', 'Idulfitri 1447 H'),
  libur('2026-03-22', 'Idulfitri 1447 H'),
  cuti('2026-03-23', 'Cuti bersama Idulfitri 1447 H'),
  cuti('2026-03-24', 'Cuti bersama Idulfitri 1447 H'),
  libur('2026-04-03', 'Wafat Yesus Kristus'),
  libur('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur('2026-05-01', 'Hari Buruh Internasional'),
  libur('2026-05-14', 'Kenaikan Yesus Kristus'),
  cuti('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
  libur('2026-05-27', 'Iduladha 1447 H'),
  cuti('2026-05-28', 'Cuti bersama Iduladha 1447 H'),
  libur('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  libur('2026-06-01', 'Hari Lahir Pancasila'),
  libur('2026-06-16', 'Tahun Baru Islam 1448 H'),
  libur('2026-08-17', 'Hari Proklamasi Kemerdekaan RI'),
  libur('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  cuti('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus'),
  libur('2026-12-25', 'Kelahiran Yesus Kristus'),

  libur('2027-01-01', 'Tahun Baru 2027 Masehi'),
  libur('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', true),
  libur('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', true),
  libur('2027-03-09', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', true),
  libur('2027-03-10', 'Idulfitri 1448 H', true),
  libur('2027-03-11', 'Idulfitri 1448 H', true),
  libur('2027-03-26', 'Wafat Yesus Kristus'),
  libur('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur('2027-05-01', 'Hari Buruh Internasional'),
  libur('2027-05-06', 'Kenaikan Yesus Kristus'),
  libur('2027-05-17', 'Iduladha 1448 H', true),
  libur('2027-05-20', 'Hari Raya Waisak 2571 BE', true),
  libur('2027-06-01', 'Hari Lahir Pancasila'),
  libur('2027-06-06', 'Tahun Baru Islam 1449 H', true),
  libur('2027-08-15', 'Maulid Nabi Muhammad SAW', true),
  libur('2027-08-17', 'Hari Proklamasi Kemerdekaan RI'),
  libur('2027-12-25', 'Kelahiran Yesus Kristus'),
];

/** The bundled days of a year, in date order. */
export const nationalHolidaysOf = (year: number) => NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
