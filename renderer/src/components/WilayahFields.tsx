import { Select, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n';
import { call } from '../rpc';

interface WilayahValues {
  regencyCode?: string | null;
  districtCode?: string | null;
  villageCode?: string | null;
}

type Path<V> = Parameters<UseFormReturnType<V>['getInputProps']>[0];

/**
 * Kabupaten/kota → kecamatan → desa pickers limited to the office's coverage. Choosing a higher
 * level clears the lower ones, so the three always nest.
 */
export function WilayahFields<V extends WilayahValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useI18n();
  const v = form.getValues();
  const coverage = useQuery({ queryKey: ['wilayah.coverage'], queryFn: () => call('wilayah.coverage', {}) });
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
        data={(coverage.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        {...form.getInputProps('regencyCode' as Path<V>)}
        onChange={(val) => set({ regencyCode: val, districtCode: null, villageCode: null })}
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
