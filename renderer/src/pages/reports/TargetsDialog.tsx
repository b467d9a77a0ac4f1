import { Button, Group, Modal, NumberInput, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { INDICATORS } from '../../../../shared/indicators';
import { rangeOf } from '../../../../shared/schemas/limits';
import { ReportTargetsInput, targetValue } from '../../../../shared/schemas/reports';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';

/** Target kinerja: an admin enters the yearly target of each indicator (from the Perjanjian Kinerja), per office. */
export function TargetsDialog({ year: initialYear, onClose }: { year: number; onClose: () => void }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [year, setYear] = useState(initialYear);
  const [office, setOffice] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['reports.targets', year, office], queryFn: () => call('reports.targets', { year, ...(office ? { office } : {}) }) });
  const [values, setValues] = useState<Record<string, number | ''>>({});
  useEffect(() => {
    if (q.data) setValues(Object.fromEntries(q.data.targets.map((x) => [x.code, x.target])));
  }, [q.data]);
  const save = useMutation({
    mutationFn: () =>
      call('reports.setTargets', {
        year,
        office: q.data!.office,
        targets: Object.entries(values)
          .filter(([, v]) => v !== '')
          .map(([code, target]) => ({ code, target: Number(target) })),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['reports.targets'] });
      void qc.invalidateQueries({ queryKey: ['reports.compute'] });
      notifyOk(t('reports.targets.saved', { year }));
      onClose();
    },
    onError: (e) => showError(e, t),
  });
  return (
    <Modal opened onClose={onClose} title={t('reports.targets.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('reports.targets.hint')}
        </Text>
        <Group>
          <NumberInput
            w={110}
            label={t('reports.year')}
            value={year}
            {...rangeOf(ReportTargetsInput.shape.year)}
            onChange={(v) => typeof v === 'number' && setYear(v)}
          />
          {q.data && q.data.offices.length > 1 && (
            <Select
              w={260}
              label={t('reports.targets.office')}
              value={q.data.office}
              onChange={setOffice}
              allowDeselect={false}
              data={q.data.offices.map((o) => ({ value: o.code, label: o.name }))}
            />
          )}
        </Group>
        <ScrollArea h={420}>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {INDICATORS.map((ind) => (
                <Table.Tr key={ind.code}>
                  <Table.Td>{ind.name[locale]}</Table.Td>
                  <Table.Td w={150}>
                    <NumberInput
                      size="xs"
                      min={rangeOf(targetValue).min}
                      decimalScale={1}
                      aria-label={ind.name[locale]}
                      value={values[ind.code] ?? ''}
                      onChange={(v) => setValues((s) => ({ ...s, [ind.code]: typeof v === 'number' ? v : '' }))}
                      rightSection={<Text size="xs">{t(`reports.unit.${ind.unit}`)}</Text>}
                      rightSectionWidth={60}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!q.data}>
            {t('reports.targets.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
