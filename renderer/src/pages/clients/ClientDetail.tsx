import { Alert, Badge, Button, Group, Loader, Modal, Paper, Select, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowForwardUp, IconArrowLeft, IconEdit, IconFlag, IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { CLIENT_STATUSES, type ClientStatus } from '../../../../shared/clients';
import { formatDate } from '../../../../shared/format';
import type { Client } from '../../../../shared/types';
import { displayPhone } from '../../../../shared/validate';
import { DialogActions } from '../../components/DialogActions';
import { DocumentPreview } from '../../components/DocumentPreview';
import { Field } from '../../components/Field';
import { notifyOk, showError } from '../../components/forms';
import { CLIENT_STATUS_COLOR, clientStandingLabel, serviceLabel } from '../../components/labels';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { ReportingPanel } from './ReportingPanel';
import { useOfficeToday } from '../../app/useOffice';
import { DateField } from '../../components/DateField';
import { OwnerNotice, useRecordAccess } from '../../components/ownership';

/** A client's record and timeline. Opening it is written to the audit log by the main process. */
export function ClientDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [statusOpen, setStatusOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  // Fetched once per visit: each fetch is an audited view, so no refetch on focus.
  const q = useQuery({ queryKey: ['clients.get', id], queryFn: () => call('clients.get', { id }), refetchOnWindowFocus: false, staleTime: Infinity });
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const access = useRecordAccess(q.data);
  if (!q.data) return q.isError ? <Alert color="red">{t('clients.notFound')}</Alert> : <Loader />;
  const c = q.data;
  const date = (d: string | null) => (d ? formatDate(d, locale) : '');
  const serviceNames = new Map((services.data ?? []).map((s) => [s.code, serviceLabel(s, locale)]));

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2}>{c.name}</Title>
            <Badge color={CLIENT_STATUS_COLOR[c.standing]} variant="light" data-testid="client-status">
              {clientStandingLabel(t, c.standing)}
            </Badge>
            {c.isChild && (
              <Badge color="grape" variant="light">
                {t('clients.child')}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm">
            {c.registerNumber} · {t(`program.${c.program}`)} · {t('clients.phaseNow', { phase: t(`phase.${c.phase}`) })}
          </Text>
        </div>
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/klien')}>
            {t('common.back')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)} data-testid="client-card-print">
            {t('books.checkinCard')}
          </Button>
          {access.may('clients.update') && (
            <>
              {c.status === 'aktif' && (
                <Button variant="default" leftSection={<IconArrowForwardUp size={16} />} onClick={() => navigate(`/klien/${c.id}/rujuk`)}>
                  {t('referrals.add')}
                </Button>
              )}
              {access.may('clients.setStatus') && (
                <Button variant="default" leftSection={<IconFlag size={16} />} onClick={() => setStatusOpen(true)}>
                  {t('clients.changeStatus')}
                </Button>
              )}
              <Button leftSection={<IconEdit size={16} />} onClick={() => navigate(`/klien/${c.id}/ubah`)}>
                {t('common.edit')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <OwnerNotice record={c} />
      {printing && <DocumentPreview method="registers.checkinCard" id={c.id} onClose={() => setPrinting(false)} />}

      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('partners.section.identity')}
          </Title>
          <SimpleGrid cols={2} spacing="xs">
            <Field label="NIK">
              <Text span ff="monospace" size="sm">
                {c.nik ?? ''}
              </Text>
              {c.nikMasked && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({t('clients.nikMaskedNote')})
                </Text>
              )}
            </Field>
            <Field label={t('clients.sex')}>{t(`sex.${c.sex}`)}</Field>
            <Field label={t('clients.birth')}>{[c.birthPlace, date(c.birthDate)].filter(Boolean).join(', ')}</Field>
            <Field label={t('clients.religion')}>{c.religion ? t(`religion.${c.religion}`) : ''}</Field>
            <Field label={t('clients.education')}>{c.education ? t(`education.${c.education}`) : ''}</Field>
            <Field label={t('partners.phone')}>{c.phone ? displayPhone(c.phone) : ''}</Field>
          </SimpleGrid>
          <Stack gap="xs" mt="xs">
            <Field label={t('partners.address')}>{[c.address, c.villageName, c.districtName, c.regencyName].filter(Boolean).join(', ')}</Field>
            <Field label={t('clients.guarantor')}>
              {[c.guarantorName, c.guarantorRelation, c.guarantorPhone ? displayPhone(c.guarantorPhone) : ''].filter(Boolean).join(' · ')}
            </Field>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('clients.section.supervision')}
          </Title>
          <SimpleGrid cols={2} spacing="xs">
            <Field label={t('clients.program')}>{t(`program.${c.program}`)}</Field>
            <Field label={t('clients.decision')}>{[c.decisionNumber, date(c.decisionDate)].filter(Boolean).join(', ')}</Field>
            <Field label={t('clients.period')}>{`${date(c.supervisionStart)} – ${date(c.supervisionEnd)}`}</Field>
            <Field label={t('clients.phase')}>
              {t(`phase.${c.phase}`)}
              {c.phaseOverride && c.phaseOverride !== c.suggestedPhase ? ` (${t('clients.phaseSuggested', { phase: t(`phase.${c.suggestedPhase}`) })})` : ''}
            </Field>
            <Field label={t('clients.pk')}>{c.pkName ?? ''}</Field>
            <Field label={t('clients.reporting')}>{t(`reporting.${c.reporting}`)}</Field>
            <Field label={t('clients.offence')}>{c.offence}</Field>
            <Field label={t('clients.skills')}>{c.skills.join(', ')}</Field>
          </SimpleGrid>
          <Stack gap="xs" mt="xs">
            <Field label={t('clients.interests')}>{c.interests.map((s) => serviceNames.get(s) ?? s).join(', ')}</Field>
            {c.notes && <Field label={t('partners.notes')}>{c.notes}</Field>}
          </Stack>
        </Paper>
      </SimpleGrid>

      <ReportingPanel client={c} writable={access.may('checkins.record')} onChanged={() => void qc.invalidateQueries({ queryKey: ['clients.get', id] })} />

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('clients.timeline')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} data-testid="client-timeline">
          {c.timeline.map((e, i) =>
            e.kind === 'status' ? (
              <Timeline.Item
                key={i}
                title={`${date(e.date)} · ${e.fromStatus ? t('clients.statusFromTo', { from: t(`clientStatus.${e.fromStatus}`), to: t(`clientStatus.${e.status}`) }) : t('clients.registered')}`}
              >
                <Text size="sm">{e.detail}</Text>
                <Text size="xs" c="dimmed">
                  {e.by}
                </Text>
              </Timeline.Item>
            ) : e.kind === 'document' ? (
              <Timeline.Item key={i} color="gray" title={`${date(e.date)} · ${t('clients.documentPrinted')}`}>
                <Text size="sm">
                  <Link href={`/rujukan/${e.referralId}`}>{`${e.number} · ${t('documents.code', { code: e.code, version: e.version })}`}</Link>
                </Text>
              </Timeline.Item>
            ) : e.kind === 'activity' ? (
              <Timeline.Item key={i} color="grape" title={`${date(e.date)} · ${t(`activityType.${e.activityType}`)}`}>
                <Text size="sm">
                  <Link href={`/kegiatan/${e.activityId}`}>{e.title}</Link>
                  {` · ${t(e.attended ? 'activities.attended' : 'activities.absent')}`}
                </Text>
              </Timeline.Item>
            ) : e.kind === 'checkin' ? (
              <Timeline.Item key={i} color="teal" title={`${date(e.date)} · ${t('checkins.timeline', { kind: t(`checkinKind.${e.checkinKind}`) })}`}>
                {e.detail && <Text size="sm">{e.detail}</Text>}
                <Text size="xs" c="dimmed">
                  {e.by}
                </Text>
              </Timeline.Item>
            ) : (
              <Timeline.Item key={i} color="blue" title={`${date(e.date)} · ${t('clients.referralStep', { status: t(`referralStatus.${e.status}`) })}`}>
                <Text size="sm">
                  <Link href={`/rujukan/${e.referralId}`}>{`${e.partnerName} · ${serviceNames.get(e.service) ?? e.service}`}</Link>
                </Text>
                {e.detail && <Text size="sm">{e.detail}</Text>}
                <Text size="xs" c="dimmed">
                  {e.by}
                </Text>
              </Timeline.Item>
            ),
          )}
        </Timeline>
      </Paper>

      {statusOpen && (
        <StatusDialog
          client={c}
          onClose={() => setStatusOpen(false)}
          onDone={(nc) => {
            qc.setQueryData(['clients.get', id], nc);
            void qc.invalidateQueries({ queryKey: ['clients.list'] });
            setStatusOpen(false);
          }}
        />
      )}
    </Stack>
  );
}

function StatusDialog({ client, onClose, onDone }: { client: Client; onClose: () => void; onDone: (c: Client) => void }) {
  const { t } = useI18n();
  const choices = CLIENT_STATUSES.filter((s) => s !== client.status);
  const today = useOfficeToday();
  const form = useForm<{ status: ClientStatus | null; date: string | null; reason: string }>({
    initialValues: { status: choices[0] ?? null, date: today, reason: '' },
    validate: {
      status: (v) => (v ? null : t('v.choose')),
      date: (v) => (v ? null : t('v.required')),
      reason: (v) => (v.trim() ? null : t('v.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: { status: ClientStatus; date: string; reason: string }) => call('clients.setStatus', { id: client.id, ...v }),
    onSuccess: (c) => {
      notifyOk(t('common.saved'));
      onDone(c);
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={t('clients.changeStatus')} centered>
      <form onSubmit={form.onSubmit((v) => save.mutate({ status: v.status!, date: v.date!, reason: v.reason }))}>
        <Stack>
          <Select
            label={t('clients.newStatus')}
            data={choices.map((s) => ({ value: s, label: t(`clientStatus.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <DateField label={t('common.date')} {...form.getInputProps('date')} />
          <Textarea label={t('clients.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
