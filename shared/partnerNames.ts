import { foldForSearch } from './validate';

/**
 * Words officers write in several ways for one thing, as the duplicate check reads them: the
 * abbreviations of the kinds of wilayah (Kab., Kotamadya, Prov.) and of the usual kinds of
 * institution (Ponpes, Yys). Keys are folded words (see foldForSearch); values are the words they stand for.
 */
const SAME_WORDS: Readonly<Record<string, string>> = {
  kab: 'kabupaten',
  kabupaten: 'kabupaten',
  kota: 'kota',
  kotamadya: 'kota',
  kodya: 'kota',
  kotamadia: 'kota',
  prov: 'provinsi',
  propinsi: 'provinsi',
  provinsi: 'provinsi',
  kec: 'kecamatan',
  kel: 'kelurahan',
  ponpes: 'pondok pesantren',
  pontren: 'pondok pesantren',
  yys: 'yayasan',
};

/**
 * The key two partner names share when they name the same institution as offices write it:
 * case, accents, punctuation and spacing do not count ("BAZNAS  Kab. Rejang-Lebong"), nor the way
 * a kabupaten or kota is written ("Kab."/"Kab"/"Kabupaten", "Kota"/"Kotamadya"/"Kodya").
 * The duplicate warning compares these keys; nothing stores them.
 */
export function partnerNameKey(name: string): string {
  return foldForSearch(name)
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => SAME_WORDS[w] ?? w)
    .join(' ');
}
