import {
  ActionIcon,
  Alert,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { ACTIVITY_TYPES } from '../../../../shared/activities';
import type { InputOf } from '../../../../shared/contract';
import { BIDANG } from '../../../../shared/domain';
import { ActivityFields } from '../../../../shared/schemas/activities';
import type { Activity } from '../../../../shared/types';
import { EditorForm, FormHeader, useEditorGuard } from '../../components/FormHeader';
import { notifyOk, revealFirstError, showError, zodValidate } from '../../components/forms';
import { useDebounced } from '../../components/useDebounced';
import { PkMultiSelect } from '../../components/PkPicker';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { usePartnerOptions } from '../../components/usePartnerOptions';
import { useOfficeToday } from '../../app/useOffice';
import { DateField } from '../../components/DateField';

type Values = InputOf<'activities.create'>;

export function ActivityEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const existing = useQuery({ queryKey: ['activities.get', id], queryFn: () => call('activities.get', { id: id! }), enabled: id !== null });
  if (id && !existing.data) return existing.isError ? <Alert color="red">{t('activities.notFound')}</Alert> : <Loader />;
  return <ActivityForm activity={existing.data ?? null} key={existing.data?.updatedAt ?? 'new'} />;
}

function ActivityForm({ activity }: { activity: Activity | null }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  // Names of the clients on the list, kept beside the ids the form holds.
  const [names, setNames] = useState(new Map((activity?.participantList ?? []).map((p) => [p.clientId, `${p.name} (${p.registerNumber})`])));
  const today = useOfficeToday();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: activity
      ? {
          date: activity.date,
          type: activity.type,
          bidang: activity.bidang,
          title: activity.title,
          place: activity.place,
          description: activity.description,
          partnerIds: [...activity.partnerIds],
          officerIds: [...activity.officerIds],
          participants: activity.participantList.map((p) => ({ clientId: p.clientId, attended: p.attended, note: p.note })),
        }
      : {
          date: today,
          type: 'pelatihan',
          bidang: null,
          title: '',
          place: '',
          description: '',
          partnerIds: [],
          officerIds: [],
          participants: [],
        },
    validate: zodValidate(ActivityFields, t),
  });
  const v = form.values;
  const partners = usePartnerOptions({ archived: 'all' });
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 200);
  const found = useQuery({
    queryKey: ['clients.list', 'activity-pick', q],
    queryFn: () => call('clients.list', { q, status: 'aktif', limit: 20 }),
    enabled: q.trim().length >= 2,
  });
  const release = useEditorGuard(form);
  const save = useMutation({
    mutationFn: (data: Values) =>
      activity ? call('activities.update', { id: activity.id, expectedUpdatedAt: activity.updatedAt, data }) : call('activities.create', data),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['activities.list'] });
      qc.setQueryData(['activities.get', a.id], a);
      notifyOk(`${a.title}: ${t('common.saved')}`);
      release();
      navigate(`/kegiatan/${a.id}`);
    },
    onError: (e) => showError(e, t, form as never, 'data.'),
  });
  const participants = v.participants ?? [];
  const addParticipant = (clientId: string | null) => {
    const c = found.data?.rows.find((r) => r.id === clientId);
    if (!c || participants.some((p) => p.clientId === c.id)) return;
    setNames((m) => new Map(m).set(c.id, `${c.name} (${c.registerNumber})`));
    form.insertListItem('participants', { clientId: c.id, attended: true, note: '' });
    setSearch('');
  };

  return (
    <EditorForm
      onSubmit={form.onSubmit((values) => save.mutate(values), revealFirstError)}
      onCancel={() => navigate(activity ? `/kegiatan/${activity.id}` : '/kegiatan')}
      saving={save.isPending}
      record={activity}
    >
      <Stack maw={1000}>
        <FormHeader title={activity ? `${t('activities.edit')}: ${activity.title}` : t('activities.new')} record={activity} />
        <Paper withBorder p="md">
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              <DateField label={t('common.date')} withAsterisk {...form.getInputProps('date')} />
              <Select
                label={t('activities.type')}
                withAsterisk
                allowDeselect={false}
                data={ACTIVITY_TYPES.map((x) => ({ value: x, label: t(`activityType.${x}`) }))}
                {...form.getInputProps('type')}
              />
              <Select
                label={t('partners.bidang')}
                clearable
                data={BIDANG.map((b) => ({ value: b, label: t(`bidang.${b}`) }))}
                {...form.getInputProps('bidang')}
              />
            </SimpleGrid>
            <TextInput label={t('activities.titleField')} withAsterisk data-autofocus {...form.getInputProps('title')} />
            <TextInput label={t('activities.place')} {...form.getInputProps('place')} />
            <MultiSelect
              label={t('activities.partners')}
              {...partners.pickerProps}
              description={[t('activities.partnersHint'), partners.capNote].filter(Boolean).join(' ')}
              {...form.getInputProps('partnerIds')}
            />
            <PkMultiSelect label={t('activities.officers')} data-testid="activity-officers" {...form.getInputProps('officerIds')} />
            <Textarea label={t('activities.description')} autosize minRows={3} {...form.getInputProps('description')} />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('activities.participants')}
          </Title>
          <Select
            placeholder={t('activities.addParticipant')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={(found.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.registerNumber})` }))}
            value={null}
            onChange={addParticipant}
            nothingFoundMessage={q.trim().length >= 2 ? t('activities.noClient') : t('activities.typeTwo')}
            w={420}
            mb="sm"
          />
          {participants.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('activities.noParticipants')}
            </Text>
          ) : (
            <Table fz="sm" data-testid="participants">
              <Table.Tbody>
                {participants.map((p, i) => (
                  <Table.Tr key={p.clientId}>
                    <Table.Td>{names.get(p.clientId) ?? p.clientId}</Table.Td>
                    <Table.Td w={120}>
                      <Checkbox label={t('activities.attendedLabel')} {...form.getInputProps(`participants.${i}.attended`, { type: 'checkbox' })} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" placeholder={t('partners.notes')} {...form.getInputProps(`participants.${i}.note`)} />
                    </Table.Td>
                    <Table.Td w={40}>
                      <ActionIcon variant="subtle" color="red" aria-label={t('agreements.remove')} onClick={() => form.removeListItem('participants', i)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group mt="xs">
            <Text size="xs" c="dimmed">
              {t('activities.attendanceCount', { attended: participants.filter((p) => p.attended).length, total: participants.length })}
            </Text>
          </Group>
        </Paper>
      </Stack>
    </EditorForm>
  );
}
