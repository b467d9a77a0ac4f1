import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { fieldError } from '../../shared/errors';
import type { Wilayah } from '../../shared/types';

/**
 * Kemendagri area lists from `idn-area-data`, loaded on first use and kept in memory.
 * Kabupaten/kota names come upper-case in the source ("KABUPATEN REJANG LEBONG") and are shown
 * in title case; kecamatan and desa names are already in mixed case.
 */
export interface WilayahSource {
  /** Provinces, named "Provinsi Bengkulu"; loaded with the kabupaten/kota, so `name` knows them once `regencies` has run. */
  provinces(): Promise<readonly Wilayah[]>;
  regencies(): Promise<readonly Wilayah[]>;
  regencyName(code: string): string | null;
  districts(regencyCode: string): Promise<readonly Wilayah[]>;
  villages(districtCode: string): Promise<readonly Wilayah[]>;
  /** Name of a kecamatan or desa already loaded by districts()/villages() or ensureNames(). */
  name(code: string): string | null;
  /** Loads what is needed to name these codes (kecamatan and desa lists of their parents). */
  ensureNames(codes: readonly (string | null)[]): Promise<void>;
}

const SMALL = new Set(['dan', 'di', 'ke', 'adm.']);
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export function createWilayahSource(): WilayahSource {
  let regencies: Promise<readonly Wilayah[]> | null = null;
  let districtsByRegency: Promise<Map<string, Wilayah[]>> | null = null;
  let villagesByDistrict: Promise<Map<string, Wilayah[]>> | null = null;
  const names = new Map<string, string>();

  let provinces: Promise<readonly Wilayah[]> | null = null;
  const loadProvinces = () =>
    (provinces ??= getProvinces().then((rows) => {
      // "DKI JAKARTA" keeps its abbreviation; the rest reads as the kabupaten names do.
      const list = rows.map((r) => ({ code: r.code, name: `Provinsi ${titleCase(r.name).replace(/^Dki /, 'DKI ')}` }));
      for (const r of list) names.set(r.code, r.name);
      return list;
    }));
  const loadRegencies = () =>
    (regencies ??= Promise.all([getRegencies(), loadProvinces()]).then(([rows]) => {
      const list = rows.map((r) => ({ code: r.code, name: titleCase(r.name) }));
      for (const r of list) names.set(r.code, r.name);
      return list;
    }));
  const loadDistricts = () =>
    (districtsByRegency ??= getDistricts().then((rows) => {
      for (const r of rows) names.set(r.code, r.name);
      return groupBy(
        rows.map((r) => ({ code: r.code, name: r.name, parent: r.regency_code })),
        (r) => r.parent,
      ) as unknown as Map<string, Wilayah[]>;
    }));
  const loadVillages = () =>
    (villagesByDistrict ??= getVillages().then((rows) => {
      for (const r of rows) names.set(r.code, r.name);
      return groupBy(
        rows.map((r) => ({ code: r.code, name: r.name, parent: r.district_code })),
        (r) => r.parent,
      ) as unknown as Map<string, Wilayah[]>;
    }));

  const strip = (list: readonly Wilayah[] | undefined): readonly Wilayah[] => (list ?? []).map(({ code, name }) => ({ code, name }));

  return {
    provinces: loadProvinces,
    regencies: loadRegencies,
    regencyName: (code) => names.get(code) ?? null,
    districts: async (regencyCode) => strip((await loadDistricts()).get(regencyCode)),
    villages: async (districtCode) => strip((await loadVillages()).get(districtCode)),
    name: (code) => names.get(code) ?? null,
    async ensureNames(codes) {
      const present = codes.filter((c): c is string => !!c);
      await loadRegencies();
      if (present.some((c) => c.split('.').length >= 3)) await loadDistricts();
      if (present.some((c) => c.split('.').length >= 4)) await loadVillages();
    },
  };
}

/** The picked kabupaten, kecamatan and desa exist and nest; field errors name `prefix` + the field. */
export async function checkWilayahExists(
  wilayah: WilayahSource,
  f: { regencyCode: string | null; districtCode: string | null; villageCode: string | null },
  prefix: string,
): Promise<void> {
  if (f.regencyCode && !(await wilayah.regencies()).some((r) => r.code === f.regencyCode)) {
    throw fieldError(`${prefix}regencyCode`, 'v.wilayahUnknown', { code: f.regencyCode });
  }
  if (f.districtCode && !(await wilayah.districts(f.regencyCode ?? '')).some((d) => d.code === f.districtCode)) {
    throw fieldError(`${prefix}districtCode`, 'v.wilayahUnknown', { code: f.districtCode });
  }
  if (f.villageCode && !(await wilayah.villages(f.districtCode ?? '')).some((v) => v.code === f.villageCode)) {
    throw fieldError(`${prefix}villageCode`, 'v.wilayahUnknown', { code: f.villageCode });
  }
}

/** Whether a kecamatan code (e.g. the first six digits of a NIK, as 17.02.01) exists anywhere in Indonesia. */
export async function districtExists(wilayah: WilayahSource, code: string): Promise<boolean> {
  return (await wilayah.districts(code.slice(0, 5))).some((d) => d.code === code);
}
