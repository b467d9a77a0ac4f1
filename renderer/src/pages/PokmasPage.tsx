import { Badge, Button, Card, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { type InputOf } from '../../../shared/contract';
import { PokmasFields } from '../../../shared/schemas/partners';
import type { PokmasGroup } from '../../../shared/types';
import { useSession } from '../app/session';
import { notifyOk, showError, zodValidate } from '../components/forms';
import { bidangOptions, STATUS_COLOR } from '../components/labels';
import { DialogActions } from '../components/DialogActions';
import { useI18n } from '../i18n';
import { call } from '../rpc';
import { usePartnerOptions } from '../components/usePartnerOptions';
import { mayChange, OwnerNotice } from '../components/ownership';
import { DateField } from '../components/DateField';
import { DocumentPreview } from '../components/DocumentPreview';
import { formatDate } from '../../../shared/format';
import { displayPhone } from '../../../shared/validate';

type Values = InputOf<'pokmas.create'>;

export function PokmasPage() {
  const { t } = useI18n();
  const session = useSession();
  const qc = useQueryClient();
  const [archived, setArchived] = useState<'active' | 'archived'>('active');
  const [editing, setEditing] = useState<PokmasGroup | 'new' | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const groups = useQuery({ queryKey: ['pokmas.list', archived], queryFn: () => call('pokmas.list', { archived }) });
  const done = () => void qc.invalidateQueries({ queryKey: ['pokmas.list'] });
  const archive = useMutation({ mutationFn: (id: string) => call('pokmas.archive', { id }), onSuccess: done, onError: (e) => showError(e, t) });
  const restore = useMutation({ mutationFn: (id: string) => call('pokmas.restore', { id }), onSuccess: done, onError: (e) => showError(e, t) });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('pokmas.title')}</Title>
        <Group>
          <SegmentedControl
            value={archived}
            onChange={(v) => setArchived(v as 'active' | 'archived')}
            data={[
              { value: 'active', label: t('partners.filter.archived.active') },
              { value: 'archived', label: t('partners.filter.archived.archived') },
            ]}
          />
          {session.may('pokmas.create') && <Button onClick={() => setEditing('new')}>{t('pokmas.add')}</Button>}
        </Group>
      </Group>
      {groups.data?.length === 0 && <Text c="dimmed">{t('pokmas.noGroups')}</Text>}
      <SimpleGrid cols={2}>
        {(groups.data ?? []).map((g) => (
          <Card key={g.id} withBorder padding="md" data-testid="pokmas-card">
            <Group justify="space-between" align="flex-start">
              <div>
                <Text fw={600}>{g.name}</Text>
                <Group gap={6}>
                  <Badge variant="light">{t(`bidang.${g.bidang}`)}</Badge>
                  <Text size="xs" c="dimmed">
                    {t('pokmas.memberCount', { count: g.members.length })}
                  </Text>
                </Group>
                <OwnerNotice record={g} compact />
              </div>
              <Group gap={4}>
                <Button size="xs" variant="light" onClick={() => setPrinting(g.id)} data-testid="pokmas-print">
                  {t('documents.print')}
                </Button>
                {!g.archivedAt && mayChange(session, g, 'pokmas.update') && (
                  <Button size="xs" variant="default" onClick={() => setEditing(g)}>
                    {t('common.edit')}
                  </Button>
                )}
                {!g.archivedAt && mayChange(session, g, 'pokmas.archive') && (
                  <Button size="xs" variant="subtle" color="orange" onClick={() => archive.mutate(g.id)}>
                    {t('common.archive')}
                  </Button>
                )}
                {g.archivedAt && mayChange(session, g, 'pokmas.restore') && (
                  <Button size="xs" variant="subtle" onClick={() => restore.mutate(g.id)}>
                    {t('common.restore')}
                  </Button>
                )}
              </Group>
            </Group>
            <GroupFacts group={g} />
            {g.description && (
              <Text size="sm" mt="xs">
                {g.description}
              </Text>
            )}
            <Stack gap={2} mt="sm">
              {g.members.map((m) => (
                <Group key={m.id} gap={6}>
                  <Link href={`/mitra/${m.id}`}>{m.name}</Link>
                  <Badge size="xs" color={STATUS_COLOR[m.status]} variant="light">
                    {t(`status.${m.status}`)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {printing && <DocumentPreview method="pokmas.document" id={printing} onClose={() => setPrinting(null)} />}
      {editing && <GroupDialog group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={done} />}
    </Stack>
  );
}

/** The group's SK, period and chairperson, as its printed list states them. */
function GroupFacts({ group: g }: { group: PokmasGroup }) {
  const { t, locale } = useI18n();
  const day = (d: string | null) => (d ? formatDate(d, locale) : '…');
  const rows: [string, string][] = [
    [t('pokmas.sk'), g.skNumber || g.skDate ? [g.skNumber, g.skDate ? formatDate(g.skDate, locale) : ''].filter(Boolean).join(' · ') : t('common.none')],
    [t('pokmas.period'), g.periodStart || g.periodEnd ? `${day(g.periodStart)} – ${day(g.periodEnd)}` : t('common.none')],
    [t('pokmas.chair'), g.chairName ? `${g.chairName}${g.chairPhone ? ` · ${displayPhone(g.chairPhone)}` : ''}` : t('common.none')],
  ];
  return (
    <SimpleGrid cols={3} spacing="xs" mt="xs" data-testid="pokmas-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm">{value}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

const NEW_GROUP: Values = {
  name: '',
  bidang: 'kemandirian_kepribadian',
  description: '',
  memberIds: [],
  skNumber: '',
  skDate: null,
  chairName: '',
  chairPhone: '',
  periodStart: null,
  periodEnd: null,
};

function GroupDialog({ group, onClose, onSaved }: { group: PokmasGroup | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const partners = usePartnerOptions({}, { withRegency: true });
  const form = useForm<Values>({
    initialValues: group
      ? {
          name: group.name,
          bidang: group.bidang,
          description: group.description,
          memberIds: group.members.map((m) => m.id),
          skNumber: group.skNumber,
          skDate: group.skDate,
          chairName: group.chairName,
          chairPhone: group.chairPhone,
          periodStart: group.periodStart,
          periodEnd: group.periodEnd,
        }
      : NEW_GROUP,
    validate: zodValidate(PokmasFields, t),
  });
  const save = useMutation({
    mutationFn: (v: Values) => (group ? call('pokmas.update', { id: group.id, expectedUpdatedAt: group.updatedAt, data: v }) : call('pokmas.create', v)),
    onSuccess: (g) => {
      notifyOk(`${g.name}: ${t('common.saved')}`);
      onSaved();
      onClose();
    },
    onError: (e) => showError(e, t, form as never, 'data.'),
  });
  return (
    <Modal opened onClose={onClose} title={group ? t('pokmas.edit') : t('pokmas.add')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <TextInput label={t('pokmas.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Select label={t('pokmas.bidang')} data={bidangOptions(t)} allowDeselect={false} {...form.getInputProps('bidang')} />
          <SimpleGrid cols={2}>
            <TextInput label={t('pokmas.skNumber')} {...form.getInputProps('skNumber')} />
            <DateField label={t('pokmas.skDate')} clearable {...form.getInputProps('skDate')} />
            <DateField label={t('pokmas.periodStart')} clearable {...form.getInputProps('periodStart')} />
            <DateField label={t('pokmas.periodEnd')} clearable {...form.getInputProps('periodEnd')} />
            <TextInput label={t('pokmas.chairName')} description={t('pokmas.chairName.hint')} {...form.getInputProps('chairName')} />
            <TextInput label={t('pokmas.chairPhone')} inputMode="tel" {...form.getInputProps('chairPhone')} />
          </SimpleGrid>
          <MultiSelect label={t('pokmas.members')} {...partners.pickerProps} {...form.getInputProps('memberIds')} />
          <Textarea label={t('pokmas.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
