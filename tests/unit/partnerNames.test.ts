import { describe, expect, it } from 'vitest';
import { partnerNameKey } from '../../shared/partnerNames';

describe('partnerNameKey', () => {
  // Each pair names one institution as two offices wrote it: the duplicate warning must see them as one.
  it.each([
    ['Baznas Kab. Rejang Lebong', 'BAZNAS Kabupaten Rejang Lebong'],
    ['Baznas Kab Rejang Lebong', 'Baznas Kabupaten Rejang Lebong'],
    ['Baznas Kab.Rejang Lebong', 'baznas kabupaten rejang lebong'],
    ['Dinas Sosial Kota Bengkulu', 'Dinas Sosial Kotamadya Bengkulu'],
    ['Dinas Sosial Kodya Bengkulu', 'DINAS SOSIAL KOTA BENGKULU'],
    ['Dinas Sosial Prov. Bengkulu', 'Dinas Sosial Provinsi Bengkulu'],
    ['Dinas Sosial Propinsi Bengkulu', 'Dinas Sosial Provinsi Bengkulu'],
    ['Pondok Pesantren Al-Hikmah', 'pondok pesantren al hikmah'],
    ['Ponpes Al-Hikmah', 'Pondok Pesantren Al Hikmah'],
    ['  LBH   "Keadilan",  Curup ', 'LBH Keadilan Curup'],
    ['Yys. Harapan Bangsa', 'Yayasan Harapan Bangsa'],
    ['Koperasi Tani Mandiri', 'KOPERASI  TANI  MANDIRI'],
    ['Bengkel Las Maju (Curup)', 'Bengkel Las Maju Curup'],
    ['Balai Latihan Kerja Kab. Kepahiang', 'Balai Latihan Kerja Kabupaten Kepahiang'],
    ['Lembaga Rehabilitasi Karya Sehat', 'Lembaga Rehabilitasi Karya Séhat'],
  ])('%j and %j share a key', (a, b) => {
    expect(partnerNameKey(a)).toBe(partnerNameKey(b));
  });

  // Different institutions stay apart: only the way a word is written is ignored, never a word.
  it.each([
    ['Baznas Kabupaten Rejang Lebong', 'Baznas Kabupaten Lebong'],
    ['Dinas Sosial Kabupaten Bengkulu Utara', 'Dinas Sosial Kota Bengkulu'],
    ['Dinas Sosial Kabupaten Kepahiang', 'Dinas Sosial Provinsi Bengkulu'],
    ['Pondok Pesantren Al-Hikmah', 'Pondok Pesantren Al-Hikmah 2'],
    ['Kabanjahe Motor', 'Kabupaten Motor'],
  ])('%j and %j do not', (a, b) => {
    expect(partnerNameKey(a)).not.toBe(partnerNameKey(b));
  });

  it('reads the spelled-out forms as themselves and is idempotent', () => {
    expect(partnerNameKey('BAZNAS Kab. Rejang Lebong')).toBe('baznas kabupaten rejang lebong');
    expect(partnerNameKey('Ponpes Kota Curup')).toBe('pondok pesantren kota curup');
    for (const s of ['Baznas Kab. Rejang Lebong', 'Dinas Sosial Kodya Bengkulu', '']) expect(partnerNameKey(partnerNameKey(s))).toBe(partnerNameKey(s));
  });
});
