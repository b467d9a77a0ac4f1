/**
 * The figures of the known office (tests/support/reportScenario.ts), counted by hand from its
 * story. A breakdown lists every row the report shows, in its order (`~` is the records that do
 * not state the value).
 */
export type Expected = Readonly<Record<string, number | null | { readonly value: number | null; readonly rows: Readonly<Record<string, number>> }>>;

const noReasonRows = { selesai: 0, dicabut: 0, pindah: 0, meninggal: 0 };
const programRows = { pb: 0, cb: 0, cmb: 0, asimilasi: 0, pidana_bersyarat: 0, pidana_kerja_sosial: 0, diversi: 0, pengawasan_lain: 0 };
const statusRows = { diusulkan: 0, diterima: 0, ditolak: 0, berjalan: 0, selesai: 0, dihentikan: 0 };
const outcomeRows = { bekerja: 0, berwirausaha: 0, lulus_pelatihan: 0, melanjutkan_pendidikan: 0, bimbingan_selesai: 0, tidak_selesai: 0 };
const activityRows = {
  pelatihan: 0,
  bimbingan_keagamaan: 0,
  penyuluhan_hukum: 0,
  konseling: 0,
  kunjungan: 0,
  rapat_evaluasi: 0,
  sosialisasi: 0,
  penandatanganan_pks: 0,
  lainnya: 0,
};
const categoryRows = { perorangan: 0, pemerhati: 0, akademisi: 0, wirausaha: 0, ormas: 0, instansi: 0, pendidikan: 0, lainnya: 0 };

/** November 2026: state figures on 30 November. */
export const NOVEMBER: Expected = {
  pokmas_kelompok: { value: 1, rows: { kemandirian_kepribadian: 1, hukum_kemasyarakatan: 0 } },
  mitra_jumlah: 4,
  mitra_status: { value: 4, rows: { calon: 1, terverifikasi: 0, aktif: 3, nonaktif: 0 } },
  // B is in both bidang.
  mitra_bidang: { value: 5, rows: { kemandirian_kepribadian: 4, hukum_kemasyarakatan: 1 } },
  mitra_kategori: { value: 4, rows: { ...categoryRows, wirausaha: 2, ormas: 1, lainnya: 1 } },
  // By label: Bengkel / usaha, Koperasi, Lembaga bantuan hukum (LBH), then C, which states none.
  mitra_jenis: { value: 4, rows: { bengkel_usaha: 1, koperasi: 1, lbh: 1, '~': 1 } },
  mitra_baru: 1, // D
  mitra_ber_pks: 3, // A (A1), B (B2 from 6 Nov), D (D1)
  mitra_tanpa_pks: 1, // C
  pks_berlaku: 3, // A1, B2, D1 (B1 ended 5 Nov, A2 cancelled 10 Nov)
  pks_ditandatangani: 2, // D1, B2
  pks_diperpanjang: 1, // B2
  pks_berakhir: 1, // B1
  pks_dibatalkan: 1, // A2
  pks_akan_berakhir: 1, // A1 ends 4 Jan 2027, within 60 days of 30 Nov
  klien_aktif: 5, // K1, K2, K3, K4, K7
  klien_aktif_program: { value: 5, rows: { ...programRows, pb: 2, cb: 1, cmb: 1, pidana_kerja_sosial: 1 } },
  klien_aktif_usia: { value: 5, rows: { dewasa: 4, anak: 1 } },
  klien_aktif_jk: { value: 5, rows: { L: 2, P: 3 } },
  klien_aktif_tahap: { value: 5, rows: { awal: 1, lanjutan: 1, akhir: 3 } }, // K4 awal, K3 lanjutan
  klien_baru: { value: 1, rows: { ...programRows, pb: 1 } },
  klien_berakhir: { value: 2, rows: { ...noReasonRows, selesai: 1, dicabut: 1 } },
  rujukan_layanan: { value: 3, rows: { pelatihan_keterampilan: 3 } }, // R2, R4, R5
  rujukan_bidang: { value: 4, rows: { kemandirian_kepribadian: 3, hukum_kemasyarakatan: 1 } },
  // By name: Koperasi Sejahtera (R4, R5), LBH Keadilan (R2); keys are the partners', checked by name below.
  rujukan_mitra: { value: 3, rows: { 'Koperasi Sejahtera': 2, 'LBH Keadilan': 1 } },
  rujukan_status: { value: 3, rows: { ...statusRows, diusulkan: 1, ditolak: 1, selesai: 1 } },
  rujukan_hasil: { value: 1, rows: { ...outcomeRows, lulus_pelatihan: 1 } },
  klien_dirujuk: 4, // all but K7
  klien_dirujuk_pct: 80,
  klien_bekerja: 1, // K1
  klien_bekerja_pct: 20,
  kegiatan_jenis: { value: 2, rows: { ...activityRows, pelatihan: 1, penyuluhan_hukum: 1 } },
  kegiatan_bidang: { value: 2, rows: { kemandirian_kepribadian: 1, hukum_kemasyarakatan: 1 } },
  kegiatan_peserta: 4,
  kegiatan_hadir: 3,
  kegiatan_kehadiran_pct: 75,
  wl_wajib: 2, // K1 16 Nov (15 Nov was a Sunday), K2 2 Nov (1 Nov a Sunday)
  wl_lapor: { value: 1, rows: { hadir: 0, jarak_jauh: 1, kunjungan_rumah: 0 } },
  wl_tidak: 1,
  wl_kepatuhan: 50,
  wl_kunjungan: 1,
  wl_tiga_kali: 1, // K2: August, September, October and November missed
  ks_klien: 1, // K3
  ks_jam_putusan: 0,
  ks_jam_dilaksanakan: 14.5,
  ks_selesai: 0,
};

/** The year 2026: state figures on 31 December. */
export const YEAR: Expected = {
  pokmas_kelompok: { value: 1, rows: { kemandirian_kepribadian: 1, hukum_kemasyarakatan: 0 } },
  mitra_jumlah: 4,
  mitra_status: { value: 4, rows: { calon: 0, terverifikasi: 1, aktif: 3, nonaktif: 0 } }, // C verified 1 Dec
  mitra_bidang: { value: 5, rows: { kemandirian_kepribadian: 4, hukum_kemasyarakatan: 1 } },
  mitra_kategori: { value: 4, rows: { ...categoryRows, wirausaha: 2, ormas: 1, lainnya: 1 } },
  mitra_jenis: { value: 4, rows: { bengkel_usaha: 1, koperasi: 1, lbh: 1, '~': 1 } },
  mitra_baru: 4,
  mitra_ber_pks: 3,
  mitra_tanpa_pks: 1,
  pks_berlaku: 3,
  pks_ditandatangani: 5, // A1, B1, A2, D1, B2
  pks_diperpanjang: 1,
  pks_berakhir: 1,
  pks_dibatalkan: 1,
  pks_akan_berakhir: 1, // A1
  klien_aktif: 4, // K1, K2 (ends 31 Dec), K3, K4; K7 moved away 15 Dec
  klien_aktif_program: { value: 4, rows: { ...programRows, pb: 2, cb: 1, pidana_kerja_sosial: 1 } },
  klien_aktif_usia: { value: 4, rows: { dewasa: 3, anak: 1 } },
  klien_aktif_jk: { value: 4, rows: { L: 2, P: 2 } },
  klien_aktif_tahap: { value: 4, rows: { awal: 1, lanjutan: 0, akhir: 3 } },
  klien_baru: { value: 6, rows: { ...programRows, pb: 3, cb: 1, asimilasi: 1, pidana_kerja_sosial: 1 } }, // K7 began in 2025
  klien_berakhir: { value: 3, rows: { ...noReasonRows, selesai: 1, dicabut: 1, pindah: 1 } },
  rujukan_layanan: { value: 6, rows: { pelatihan_keterampilan: 4, penyaluran_kerja: 1, pidana_kerja_sosial: 1 } },
  rujukan_bidang: { value: 8, rows: { kemandirian_kepribadian: 6, hukum_kemasyarakatan: 2 } },
  rujukan_mitra: { value: 6, rows: { 'Bengkel Maju': 2, 'Koperasi Sejahtera': 2, 'LBH Keadilan': 2 } },
  rujukan_status: { value: 6, rows: { ...statusRows, diusulkan: 1, ditolak: 1, selesai: 3, dihentikan: 1 } },
  // R6, stopped in June, closes as tidak selesai.
  rujukan_hasil: { value: 4, rows: { ...outcomeRows, bekerja: 1, lulus_pelatihan: 1, bimbingan_selesai: 1, tidak_selesai: 1 } },
  klien_dirujuk: 4,
  klien_dirujuk_pct: 100,
  klien_bekerja: 1,
  klien_bekerja_pct: 25,
  kegiatan_jenis: { value: 3, rows: { ...activityRows, pelatihan: 1, penyuluhan_hukum: 1, konseling: 1 } },
  kegiatan_bidang: { value: 3, rows: { kemandirian_kepribadian: 1, hukum_kemasyarakatan: 1, '~': 1 } },
  kegiatan_peserta: 6,
  kegiatan_hadir: 5,
  kegiatan_kehadiran_pct: 83.3,
  wl_wajib: 22, // K1 11, K2 10, K4 1
  wl_lapor: { value: 18, rows: { hadir: 16, jarak_jauh: 1, kunjungan_rumah: 1 } },
  wl_tidak: 4,
  wl_kepatuhan: 81.8,
  wl_kunjungan: 1,
  wl_tiga_kali: 0, // K2's home visit met her 1 December due date
  ks_klien: 0, // R3 completed 21 Dec
  ks_jam_putusan: 40,
  ks_jam_dilaksanakan: 40,
  ks_selesai: 1,
};
