import { Select, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n';
import { call } from '../rpc';

interface WilayahValues {
  provinceCode?: string | null;
  regencyCode?: string | null;
  districtCode?: string | null;
  villageCode?: string | null;
}

type Path<V> = Parameters<UseFormReturnType<V>['getInputProps']>[0];

/** The kabupaten picker's value for "tingkat provinsi" (a province of the coverage, no kabupaten). */
const PROVINCE = 'provinsi:';

/**
 * Kabupaten/kota → kecamatan → desa pickers limited to the office's coverage. Choosing a higher
 * level clears the lower ones, so the three always nest. With `provinceLevel` (partners), the
 * kabupaten picker also offers each province of the coverage "tingkat provinsi", for an office
 * such as the Dinas Sosial Provinsi that serves the whole province.
 */
export function WilayahFields<V extends WilayahValues>({ form, provinceLevel = false }: { form: UseFormReturnType<V>; provinceLevel?: boolean }) {
  const { t } = useI18n();
  const v = form.getValues();
  const coverage = useQuery({ queryKey: ['wilayah.coverage'], queryFn: () => call('wilayah.coverage', {}) });
  const provinces = useQuery({ queryKey: ['wilayah.provinces'], queryFn: () => call('wilayah.provinces', {}), enabled: provinceLevel });
  const regencyProps = form.getInputProps('regencyCode' as Path<V>);
  const provinceError = provinceLevel ? (form.getInputProps('provinceCode' as Path<V>).error as unknown) : null;
  const districts = useQuery({
    queryKey: ['wilayah.districts', v.regencyCode],
    queryFn: () => call('wilayah.districts', { regencyCode: v.regencyCode! }),
    enabled: !!v.regencyCode,
  });
  const villages = useQuery({
    queryKey: ['wilayah.villages', v.districtCode],
    queryFn: () => call('wilayah.villages', { districtCode: v.districtCode! }),
    enabled: !!v.districtCode,
  });
  const set = (patch: WilayahValues) => form.setValues(patch as Partial<V>);
  return (
    <SimpleGrid cols={3}>
      <Select
        label={t('partners.regency')}
        clearable
        searchable
        data={[
          ...(provinceLevel
            ? (provinces.data ?? []).map((p) => ({ value: `${PROVINCE}${p.code}`, label: t('partners.provinceLevel', { province: p.name }) }))
            : []),
          ...(coverage.data ?? []).map((r) => ({ value: r.code, label: r.name })),
        ]}
        {...regencyProps}
        error={regencyProps.error ?? provinceError}
        value={v.provinceCode ? `${PROVINCE}${v.provinceCode}` : (v.regencyCode ?? null)}
        onChange={(val) =>
          val?.startsWith(PROVINCE)
            ? set({ provinceCode: val.slice(PROVINCE.length), regencyCode: null, districtCode: null, villageCode: null })
            : set({ ...(provinceLevel ? { provinceCode: null } : {}), regencyCode: val, districtCode: null, villageCode: null })
        }
      />
      <Select
        label={t('partners.district')}
        clearable
        searchable
        disabled={!v.regencyCode}
        data={(districts.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        {...form.getInputProps('districtCode' as Path<V>)}
        onChange={(val) => set({ districtCode: val, villageCode: null })}
      />
      <Select
        label={t('partners.village')}
        clearable
        searchable
        disabled={!v.districtCode}
        data={(villages.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        {...form.getInputProps('villageCode' as Path<V>)}
      />
    </SimpleGrid>
  );
}
