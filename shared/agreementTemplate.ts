/**
 * The standard pasal a new agreement starts from (common government practice for a PKS; the
 * office edits them per agreement). Kept as data so a later office template can replace it.
 */
export const STANDARD_ARTICLES: readonly { readonly heading: string; readonly body: string }[] = [
  {
    heading: 'Maksud dan Tujuan',
    body: 'Perjanjian Kerja Sama ini dimaksudkan sebagai pedoman bagi PARA PIHAK dalam melaksanakan pembimbingan dan pendampingan Klien Pemasyarakatan, dengan tujuan mendukung reintegrasi sosial Klien.',
  },
  {
    heading: 'Ruang Lingkup',
    body: 'Ruang lingkup Perjanjian Kerja Sama ini meliputi layanan yang disepakati PARA PIHAK sebagaimana tercantum dalam Perjanjian ini.',
  },
  {
    heading: 'Hak dan Kewajiban',
    body: 'PIHAK PERTAMA berhak menyalurkan Klien dan berkewajiban melakukan pengawasan serta pembimbingan. PIHAK KEDUA berhak memperoleh informasi yang diperlukan tentang Klien dan berkewajiban melaksanakan layanan yang disepakati serta melaporkan perkembangan Klien.',
  },
  {
    heading: 'Jangka Waktu',
    body: 'Perjanjian Kerja Sama ini berlaku sejak tanggal mulai sampai dengan tanggal berakhir yang tercantum dalam Perjanjian ini dan dapat diperpanjang atas kesepakatan PARA PIHAK.',
  },
  {
    heading: 'Pembiayaan',
    body: 'Segala biaya yang timbul dari pelaksanaan Perjanjian Kerja Sama ini dibebankan kepada masing-masing PIHAK sesuai ketentuan yang berlaku.',
  },
  {
    heading: 'Evaluasi dan Pelaporan',
    body: 'PARA PIHAK melakukan evaluasi pelaksanaan Perjanjian Kerja Sama ini secara berkala dan menyampaikan laporan kegiatan.',
  },
  {
    heading: 'Penyelesaian Perselisihan',
    body: 'Perselisihan yang timbul dari pelaksanaan Perjanjian Kerja Sama ini diselesaikan secara musyawarah untuk mufakat.',
  },
  {
    heading: 'Keadaan Kahar',
    body: 'Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK yang mengakibatkan tertundanya pelaksanaan Perjanjian ini. PIHAK yang mengalaminya memberitahukan secara tertulis kepada PIHAK lainnya.',
  },
  { heading: 'Penutup', body: 'Perjanjian Kerja Sama ini dibuat rangkap dua, masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama.' },
];

export const STANDARD_LEGAL_BASES: readonly string[] = [
  'Undang-Undang Nomor 22 Tahun 2022 tentang Pemasyarakatan',
  'Keputusan Direktur Jenderal Pemasyarakatan Nomor PAS-06.OT.02.02 Tahun 2020 tentang Pembentukan Kelompok Masyarakat Peduli Pemasyarakatan',
];
