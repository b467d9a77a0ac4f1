import { Alert, Badge, Button, Group, Loader, Modal, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { WRITERS } from '../../../../shared/contract';
import { PARTNER_STATUS_MOVES, type PartnerStatus } from '../../../../shared/domain';
import { formatDate, formatDateTime, formatDay } from '../../../../shared/format';
import type { Partner } from '../../../../shared/types';
import { displayPhone } from '../../../../shared/validate';
import { useSession } from '../../app/session';
import { useOffice, useOfficeToday } from '../../app/useOffice';
import { notifyOk, showError } from '../../components/forms';
import { AGREEMENT_STATUS_COLOR, numberOrPending } from '../../components/agreementStatus';
import { serviceLabel, STATUS_COLOR } from '../../components/labels';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { ChangeTable, readableRows, useReader } from '../../components/ChangeTable';
import { useI18n } from '../../i18n';
import { PartnerWork } from './PartnerWork';
import { call } from '../../rpc';
import { DateField } from '../../components/DateField';
import { OwnerNotice, useRecordAccess } from '../../components/ownership';

export function PartnerDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [statusOpen, setStatusOpen] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const { zone } = useOffice();
  const partner = useQuery({ queryKey: ['partners.get', id], queryFn: () => call('partners.get', { id }) });
  const history = useQuery({ queryKey: ['partners.history', id], queryFn: () => call('partners.history', { id }) });
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const kinds = useQuery({ queryKey: ['institutionTypes.list'], queryFn: () => call('institutionTypes.list', {}) });
  const reader = useReader(history.data?.names ?? {});
  const access = useRecordAccess(partner.data);

  const refresh = (p: Partner) => {
    qc.setQueryData(['partners.get', id], p);
    void qc.invalidateQueries({ queryKey: ['partners.history', id] });
    void qc.invalidateQueries({ queryKey: ['partners.list'] });
  };
  const archive = useMutation({
    mutationFn: () => call('partners.archive', { id }),
    onSuccess: (p) => (refresh(p), setArchiveOpen(false)),
    onError: (e) => showError(e, t),
  });
  const restore = useMutation({ mutationFn: () => call('partners.restore', { id }), onSuccess: refresh, onError: (e) => showError(e, t) });

  if (partner.isError) return <Alert color="red">{t('partners.notFound')}</Alert>;
  if (!partner.data) return <Loader />;
  const p = partner.data;
  const serviceNames = new Map((services.data ?? []).map((s) => [s.code, serviceLabel(s, locale)]));
  const kind = p.institutionType ? kinds.data?.find((k) => k.code === p.institutionType) : undefined;
  const kindName = p.institutionType ? (kind ? serviceLabel(kind, locale) : p.institutionType) : null;

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{p.name}</Title>
          <Group gap="xs" mt={4}>
            <Badge color={STATUS_COLOR[p.status]} variant="light" size="lg" data-testid="partner-status">
              {t(`status.${p.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('partners.statusDate')}: {formatDate(p.statusDate, locale)}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={() => navigate('/mitra')}>
            {t('common.back')}
          </Button>
          {!p.archivedAt && access.may('partners.setStatus') && (
            <Button variant="default" onClick={() => setStatusOpen(true)}>
              {t('partners.changeStatus')}
            </Button>
          )}
          {!p.archivedAt && access.may('partners.update') && <Button onClick={() => navigate(`/mitra/${p.id}/ubah`)}>{t('common.edit')}</Button>}
          {!p.archivedAt && access.may('partners.archive') && (
            <Button color="orange" variant="light" onClick={() => setArchiveOpen(true)}>
              {t('common.archive')}
            </Button>
          )}
          {p.archivedAt && access.may('partners.restore') && (
            <Button color="teal" variant="light" loading={restore.isPending} onClick={() => restore.mutate()}>
              {t('common.restore')}
            </Button>
          )}
        </Group>
      </Group>
      <OwnerNotice record={p} />
      {p.archivedAt && <Alert color="orange">{t('partners.archivedBanner', { date: formatDay(p.archivedAt, zone, locale) })}</Alert>}

      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="md">
          <Field label={t('partners.category')}>{t(`category.${p.category}`)}</Field>
          <Field label={t('partners.institutionType')}>{kindName ?? ''}</Field>
          <Field label={t('partners.bidang')}>{p.bidang.map((b) => t(`bidang.${b}`)).join(', ')}</Field>
          <Field label={t('partners.leaderName')}>{p.leaderName}</Field>
          <Field label={t('partners.contactName')}>{p.contactName}</Field>
          <Field label={t('partners.phone')}>{p.phone ? displayPhone(p.phone) : ''}</Field>
          <Field label={t('partners.email')}>{p.email}</Field>
          <Field label={t('partners.address')}>{p.address}</Field>
          <Field label={`${t('partners.village')}, ${t('partners.district')}, ${t('partners.regency')}`}>
            {p.provinceName
              ? t('partners.provinceLevel', { province: p.provinceName })
              : [p.villageName, p.districtName, p.regencyName].filter(Boolean).join(', ')}
          </Field>
          <Field label={t('partners.capacity')}>{p.capacity ?? ''}</Field>
          <Field label={t('partners.skNumber')}>{p.skNumber}</Field>
          <Field label={t('partners.skDate')}>{p.skDate ? formatDate(p.skDate, locale) : ''}</Field>
          <Field label={t('partners.groups')}>{p.groups.map((g) => g.name).join(', ')}</Field>
        </SimpleGrid>
        <Stack gap={4} mt="md">
          <Text size="xs" c="dimmed">
            {t('partners.services')}
          </Text>
          <Group gap={6}>
            {p.services.length === 0
              ? '—'
              : p.services.map((s) => (
                  <Badge key={s} variant="outline">
                    {serviceNames.get(s) ?? s}
                  </Badge>
                ))}
          </Group>
        </Stack>
        {p.notes && (
          <Stack gap={4} mt="md">
            <Text size="xs" c="dimmed">
              {t('partners.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.notes}
            </Text>
          </Stack>
        )}
      </Paper>

      <PartnerAgreements partnerId={p.id} hasAgreementInForce={p.hasAgreementInForce} readOnly={access.readOnly} />

      <PartnerWork partnerId={p.id} />

      <Tabs defaultValue="status">
        <Tabs.List>
          <Tabs.Tab value="status">{t('partners.statusHistory')}</Tabs.Tab>
          <Tabs.Tab value="edits">{t('partners.editHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="status" pt="md">
          <Timeline bulletSize={14} lineWidth={2}>
            {(history.data?.statusChanges ?? []).map((s) => (
              <Timeline.Item
                key={s.id}
                title={`${s.fromStatus ? `${t(`status.${s.fromStatus}`)} → ` : ''}${t(`status.${s.toStatus}`)} · ${formatDate(s.date, locale)}`}
              >
                <Text size="xs" c="dimmed">
                  {s.byName} · {formatDateTime(s.at, zone, locale)}
                </Text>
                {s.note && <Text size="sm">{s.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Tabs.Panel>
        <Tabs.Panel value="edits" pt="md">
          <Stack gap="xs" data-testid="edit-history">
            {(history.data?.edits ?? []).length === 0 && <Text c="dimmed">{t('partners.noHistory')}</Text>}
            {(history.data?.edits ?? []).map((e) => (
              <Paper key={e.seq} withBorder p="sm">
                <Text size="sm" fw={500}>
                  {t(`audit.action.${e.action}`)} · {e.userName} · {formatDateTime(e.at, zone, locale)}
                </Text>
                <ChangeTable rows={readableRows('partner', e.changes, reader)} />
              </Paper>
            ))}
          </Stack>
        </Tabs.Panel>
      </Tabs>

      <StatusDialog partner={p} opened={statusOpen} onClose={() => setStatusOpen(false)} onDone={(np) => (refresh(np), setStatusOpen(false))} />
      <Modal opened={archiveOpen} onClose={() => setArchiveOpen(false)} title={t('common.archive')} centered>
        <Stack>
          <Text size="sm">{t('partners.archive.confirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setArchiveOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={archive.isPending} onClick={() => archive.mutate()}>
              {t('common.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function StatusDialog({ partner, opened, onClose, onDone }: { partner: Partner; opened: boolean; onClose: () => void; onDone: (p: Partner) => void }) {
  const { t } = useI18n();
  const moves = PARTNER_STATUS_MOVES[partner.status];
  const today = useOfficeToday();
  const form = useForm<{ status: PartnerStatus | null; date: string | null; note: string }>({
    initialValues: { status: moves[0] ?? null, date: today, note: '' },
    validate: { status: (v) => (v ? null : t('v.choose')), date: (v) => (v ? null : t('v.required')) },
  });
  const save = useMutation({
    mutationFn: (v: { status: PartnerStatus; date: string; note: string }) => call('partners.setStatus', { id: partner.id, ...v }),
    onSuccess: (p) => {
      notifyOk(t('common.saved'));
      onDone(p);
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('partners.changeStatus')} centered>
      <form onSubmit={form.onSubmit((v) => save.mutate({ status: v.status!, date: v.date!, note: v.note }))}>
        <Stack>
          <Select
            label={t('partners.newStatus')}
            data={moves.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <DateField label={t('common.date')} {...form.getInputProps('date')} />
          <Textarea label={t('common.notes')} autosize minRows={2} {...form.getInputProps('note')} />
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The partner's agreements, oldest first, so a renewal chain reads top to bottom. */
function PartnerAgreements({ partnerId, hasAgreementInForce, readOnly }: { partnerId: string; hasAgreementInForce: boolean; readOnly: boolean }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const list = useQuery({ queryKey: ['agreements.list', 'partner', partnerId], queryFn: () => call('agreements.list', { partnerId }) });
  const rows = [...(list.data ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('agreements.ofPartner')}</Title>
        {/* A PKS with a post's partner is drafted and signed at the post. */}
        {!readOnly && session.can(WRITERS) && (
          <Button size="xs" variant="light" onClick={() => navigate(`/pks/baru?mitra=${partnerId}`)}>
            {t('agreements.add')}
          </Button>
        )}
      </Group>
      {!hasAgreementInForce && (
        <Alert color="orange" mb="xs" data-testid="no-agreement">
          {t('agreements.noActive')}
        </Alert>
      )}
      <Table fz="sm" highlightOnHover>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/pks/${a.id}`)}>
              <Table.Td c={a.officeNumber ? undefined : 'dimmed'}>{numberOrPending(a, t)}</Table.Td>
              <Table.Td>
                {formatDate(a.startDate, locale)} – {formatDate(a.endDate, locale)}
              </Table.Td>
              <Table.Td>
                <Badge color={AGREEMENT_STATUS_COLOR[a.status]} variant="light">
                  {t(`agreement.status.${a.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
