import { ActionIcon, Badge, Button, Checkbox, Group, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate, weekdayOf } from '../../../shared/format';
import { HolidayAddInput } from '../../../shared/schemas/holidays';
import type { HolidayList } from '../../../shared/types';
import { DateField } from '../components/DateField';
import { notifyOk, showError, zodValidate } from '../components/forms';
import { useI18n } from '../i18n';
import { call } from '../rpc';

/**
 * Pengaturan → Hari libur: the office's holidays (a due date of wajib lapor on one moves to the next
 * working day), the bundled national days of this year and next to confirm, and days added by hand.
 */
export function HolidaysPanel() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['holidays.list'], queryFn: () => call('holidays.list', {}) });
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const done = (next: HolidayList) => {
    qc.setQueryData(['holidays.list'], next);
    // Due dates move with the list.
    for (const key of ['checkins.ofClient', 'checkins.overdue', 'checkins.agenda']) void qc.invalidateQueries({ queryKey: [key] });
  };
  const confirm = useMutation({
    mutationFn: (dates: string[]) => call('holidays.confirm', { dates }),
    onSuccess: (next, dates) => {
      done(next);
      setPicked(new Set());
      notifyOk(t('caseload.confirmed', { count: dates.length }));
    },
    onError: (e) => showError(e, t),
  });
  const remove = useMutation({ mutationFn: (date: string) => call('holidays.remove', { date }), onSuccess: done, onError: (e) => showError(e, t) });
  const form = useForm<{ date: string | null; name: string }>({ initialValues: { date: null, name: '' }, validate: zodValidate(HolidayAddInput, t) });
  const add = useMutation({
    mutationFn: (v: { date: string; name: string }) => call('holidays.add', v),
    onSuccess: (next) => {
      done(next);
      form.reset();
    },
    onError: (e) => showError(e, t, form as never),
  });
  const day = (d: string) => `${weekdayOf(d, locale)}, ${formatDate(d, locale)}`;
  const holidays = list.data?.holidays ?? [];
  const offered = list.data?.offered ?? [];
  const toggle = (date: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (!next.delete(date)) next.add(date);
      return next;
    });

  return (
    <Paper withBorder p="md" data-testid="holidays-panel">
      <Title order={4} mb={4}>
        {t('caseload.holidays')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('caseload.holidaysHint')}
      </Text>
      <Stack gap="lg">
        <Stack gap="xs">
          {holidays.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('caseload.holidaysNone')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={320}>
              <Table fz="sm" data-testid="holidays-table">
                <Table.Tbody>
                  {holidays.map((h) => (
                    <Table.Tr key={h.date}>
                      <Table.Td w={240} style={{ whiteSpace: 'nowrap' }}>
                        {day(h.date)}
                      </Table.Td>
                      <Table.Td>{h.name}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={h.source === 'nasional' ? 'blue' : 'grape'} style={{ flexShrink: 0 }}>
                          {t(`caseload.source.${h.source}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td w={40}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('caseload.removeHoliday')} ${h.name}`}
                          loading={remove.isPending && remove.variables === h.date}
                          onClick={() => remove.mutate(h.date)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          <form onSubmit={form.onSubmit((v) => add.mutate({ date: v.date!, name: v.name }))}>
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <DateField label={t('common.date')} w={190} {...form.getInputProps('date')} />
              <TextInput label={t('caseload.holidayName')} w={360} {...form.getInputProps('name')} />
              <Button type="submit" variant="light" mt={25} loading={add.isPending}>
                {t('caseload.addHoliday')}
              </Button>
            </Group>
          </form>
        </Stack>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('caseload.offered')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('caseload.offeredHint')}
          </Text>
          <ScrollArea.Autosize mah={300} data-testid="offered-holidays">
            <Stack gap={4}>
              {offered.map((h) => (
                <Checkbox
                  key={h.date}
                  checked={picked.has(h.date)}
                  onChange={() => toggle(h.date)}
                  label={
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" w={220} style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
                        {day(h.date)}
                      </Text>
                      <Text size="sm">{h.name}</Text>
                      {h.kind === 'cuti_bersama' && (
                        <Badge size="xs" variant="light" color="teal" style={{ flexShrink: 0 }}>
                          {t('caseload.cutiBersama')}
                        </Badge>
                      )}
                      {h.estimated && (
                        <Badge size="xs" variant="light" color="orange" style={{ flexShrink: 0 }}>
                          {t('caseload.estimated')}
                        </Badge>
                      )}
                    </Group>
                  }
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Group gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setPicked(new Set(offered.filter((h) => !h.estimated).map((h) => h.date)))}>
              {t('caseload.pickSet')}
            </Button>
            <Button size="compact-sm" disabled={picked.size === 0} loading={confirm.isPending} onClick={() => confirm.mutate([...picked])}>
              {t('caseload.confirmSelected', { count: picked.size })}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Paper>
  );
}
