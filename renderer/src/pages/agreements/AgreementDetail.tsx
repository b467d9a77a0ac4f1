import { Alert, Anchor, Badge, Button, Checkbox, Group, Loader, Modal, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatDate } from '../../../../shared/format';
import type { Agreement } from '../../../../shared/types';
import { AGREEMENT_STATUS_COLOR } from '../../components/agreementStatus';
import { notifyOk, showError } from '../../components/forms';
import { serviceLabel } from '../../components/labels';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { rangeOf } from '../../../../shared/schemas/limits';
import { AgreementRenewInput } from '../../../../shared/schemas/agreements';
import { useI18n } from '../../i18n';
import { DocumentPreview } from '../../components/DocumentPreview';
import { ScanPanel } from './ScanPanel';
import { call } from '../../rpc';
import { useOfficeToday } from '../../app/useOffice';
import { addDays, CANCEL_AHEAD_DAYS, cancellationBounds } from '../../../../shared/agreements';
import { cancelDateOf } from '../../../../shared/schemas/agreements';
import type { MessageKey } from '../../../../shared/i18n/id';
import { DateField } from '../../components/DateField';
import { OwnerNotice, useRecordAccess } from '../../components/ownership';
import { isIsoDate } from '../../../../shared/validate';

export function AgreementDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [dialog, setDialog] = useState<'sign' | 'cancel' | 'renew' | 'preview' | null>(null);
  const agreement = useQuery({ queryKey: ['agreements.get', id], queryFn: () => call('agreements.get', { id }) });
  const services = useQuery({ queryKey: ['services.list'], queryFn: () => call('services.list', {}) });
  const access = useRecordAccess(agreement.data);
  if (agreement.isError) return <Alert color="red">{t('agreements.notFound')}</Alert>;
  if (!agreement.data) return <Loader />;
  const a = agreement.data;
  const serviceNames = new Map((services.data ?? []).map((s) => [s.code, serviceLabel(s, locale)]));
  const done = (next: Agreement) => {
    qc.setQueryData(['agreements.get', next.id], next);
    void qc.invalidateQueries({ queryKey: ['agreements.list'] });
    void qc.invalidateQueries({ queryKey: ['agreements.get', id] });
    setDialog(null);
    if (next.id !== id) navigate(`/pks/${next.id}`);
  };
  const canWrite = access.may('agreements.update');

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{a.officeNumber ?? t('agreements.unnumbered')}</Title>
          {!a.officeNumber && (
            <Text size="sm" c="dimmed" data-testid="number-pending">
              {t('agreements.numberOnSigning')}
            </Text>
          )}
          <Group gap="xs" mt={4}>
            <Badge color={AGREEMENT_STATUS_COLOR[a.status]} variant="light" size="lg" data-testid="agreement-status">
              {t(`agreement.status.${a.status}`)}
            </Badge>
            <Text size="sm">
              {t('agreements.period')}: {formatDate(a.startDate, locale)} – {formatDate(a.endDate, locale)}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={() => navigate('/pks')}>
            {t('common.back')}
          </Button>
          <Button variant="default" onClick={() => setDialog('preview')}>
            {t('documents.preview')}
          </Button>
          {canWrite && a.status === 'draf' && !a.signedOn && (
            <>
              <Button variant="default" onClick={() => navigate(`/pks/${a.id}/ubah`)}>
                {t('common.edit')}
              </Button>
              {access.may('agreements.sign') && <Button onClick={() => setDialog('sign')}>{t('agreements.sign')}</Button>}
            </>
          )}
          {canWrite && !a.nextId && (a.status === 'aktif' || a.status === 'akan_berakhir' || a.status === 'berakhir') && (
            <Button onClick={() => setDialog('renew')}>{t('agreements.renew')}</Button>
          )}
          {access.may('agreements.cancel') && a.status !== 'dibatalkan' && (
            <Button color="red" variant="light" onClick={() => setDialog('cancel')}>
              {t('agreements.cancel')}
            </Button>
          )}
        </Group>
      </Group>
      <OwnerNotice record={a} />
      {a.cancelledOn && (
        <Alert color="red">
          {t('agreement.status.dibatalkan')} {formatDate(a.cancelledOn, locale)}: {a.cancelReason}
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="md">
          <Field label={t('agreements.partner')}>
            <Anchor component={Link} href={`/mitra/${a.partnerId}`}>
              {a.partnerName}
            </Anchor>
          </Field>
          <Field label={t('agreements.subject')}>{a.subject}</Field>
          <Field label={t('agreements.partnerNumber')}>{a.partnerNumber}</Field>
          <Field label={t('agreements.signPlace')}>{a.signPlace}</Field>
          <Field label={t('agreements.signDate')}>{formatDate(a.signDate, locale)}</Field>
          <Field label={t('agreements.signedOn')}>{a.signedOn ? formatDate(a.signedOn, locale) : ''}</Field>
          <Field label={t('partners.bidang')}>{a.bidang.map((b) => t(`bidang.${b}`)).join(', ')}</Field>
          <Field label={t('agreements.services')}>{a.services.map((s) => serviceNames.get(s) ?? s).join(', ')}</Field>
          <Field label={t('agreements.termMonths')}>{a.termMonths ?? ''}</Field>
          <Field label={t('agreements.officeSignatory')}>
            {[a.officeSignatory.name, a.officeSignatory.nip && `NIP ${a.officeSignatory.nip}`, a.officeSignatory.position].filter(Boolean).join(' · ')}
          </Field>
          <Field label={t('agreements.partnerSignatory')}>{[a.partnerSignatory.name, a.partnerSignatory.position].join(' · ')}</Field>
          <Field label={t('agreements.renewalOf')}>
            {a.previousId && (
              <Anchor component={Link} href={`/pks/${a.previousId}`}>
                {a.previousNumber ?? t('agreements.unnumbered')}
              </Anchor>
            )}
          </Field>
          <Field label={t('agreements.renewed')}>
            {a.nextId && (
              <Anchor component={Link} href={`/pks/${a.nextId}`} data-testid="renewal-link">
                {a.nextNumber ?? t('agreements.unnumbered')}
              </Anchor>
            )}
          </Field>
        </SimpleGrid>
      </Paper>
      <ScanPanel agreement={a} onChanged={done} />
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('agreements.legalBases')}
        </Title>
        <Stack gap={2}>
          {a.legalBases.map((b, i) => (
            <Text size="sm" key={i}>
              {i + 1}. {b}
            </Text>
          ))}
        </Stack>
        <Title order={4} mt="md" mb="xs">
          {t('agreements.articles')}
        </Title>
        <Stack gap="sm">
          {a.articles.map((p, i) => (
            <div key={i}>
              <Text size="sm" fw={600} ta="center">
                {t('agreements.articleN', { n: i + 1 })}
                <br />
                {p.heading}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.body}
              </Text>
            </div>
          ))}
        </Stack>
      </Paper>
      {dialog === 'preview' && <DocumentPreview method="agreements.document" id={a.id} onClose={() => setDialog(null)} />}
      {dialog === 'sign' && <SignDialog agreement={a} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'cancel' && <CancelDialog agreement={a} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'renew' && <RenewDialog agreement={a} onClose={() => setDialog(null)} onDone={done} />}
    </Stack>
  );
}

interface DialogProps {
  agreement: Agreement;
  onClose: () => void;
  onDone: (a: Agreement) => void;
}

function SignDialog({ agreement, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const today = useOfficeToday();
  const form = useForm<{ signedOn: string | null }>({ initialValues: { signedOn: agreement.signDate <= today ? agreement.signDate : today } });
  const signedOn = form.values.signedOn;
  // The automatic number is taken at this signing: the officer sees which one before saving.
  const preview = useQuery({
    queryKey: ['agreements.previewNumber', signedOn],
    queryFn: () => call('agreements.previewNumber', { date: signedOn! }),
    enabled: agreement.officeNumber === null && !!signedOn && isIsoDate(signedOn),
  });
  const save = useMutation({
    mutationFn: (signedOn: string) => call('agreements.sign', { id: agreement.id, signedOn }),
    onSuccess: (a) => (notifyOk(t('common.saved')), onDone(a)),
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={t('agreements.sign')} centered>
      <form
        onSubmit={form.onSubmit((v) => {
          if (v.signedOn) save.mutate(v.signedOn);
        })}
      >
        <Stack>
          <DateField label={t('agreements.signedOn')} {...form.getInputProps('signedOn')} />
          {agreement.officeNumber === null && preview.data?.number && (
            <Text size="sm" data-testid="number-to-be-given">
              {t('agreements.numberToBeGiven', { number: preview.data.number })}
            </Text>
          )}
          <DialogActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function CancelDialog({ agreement, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const today = useOfficeToday();
  // The same bounds and check the main process applies (shared/schemas/agreements.ts).
  const bounds = cancellationBounds(agreement, today);
  const form = useForm<{ date: string | null; reason: string }>({
    initialValues: { date: today > bounds.max ? bounds.max : today, reason: '' },
    validate: {
      date: (d) => {
        const r = cancelDateOf(agreement, today).safeParse(d ?? '');
        return r.success ? null : t(r.error.issues[0]!.message as MessageKey, { days: CANCEL_AHEAD_DAYS });
      },
      reason: (r) => (r.trim() ? null : t('v.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: { date: string; reason: string }) => call('agreements.cancel', { id: agreement.id, ...v }),
    onSuccess: (a) => (notifyOk(t('common.saved')), onDone(a)),
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={t('agreements.cancel')} centered>
      <form
        onSubmit={form.onSubmit((v) => {
          if (v.date) save.mutate({ date: v.date, reason: v.reason });
        })}
      >
        <Stack>
          <DateField label={t('agreements.cancelDate')} minDate={bounds.min ?? undefined} maxDate={bounds.max} {...form.getInputProps('date')} />
          <Textarea label={t('agreements.cancelReason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
          <DialogActions onCancel={onClose} loading={save.isPending} label={t('agreements.cancel')} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}

function RenewDialog({ agreement, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const nextDay = addDays(agreement.endDate, 1);
  const today = useOfficeToday();
  const form = useForm<{ startDate: string | null; signDate: string | null; termMonths: number | null; confirmLateSigning: boolean }>({
    initialValues: {
      startDate: nextDay,
      signDate: agreement.endDate < today ? today : agreement.endDate,
      termMonths: agreement.termMonths ?? 12,
      confirmLateSigning: false,
    },
  });
  const v = form.values;
  const save = useMutation({
    mutationFn: () =>
      call('agreements.renew', {
        id: agreement.id,
        startDate: v.startDate!,
        signDate: v.signDate!,
        termMonths: v.termMonths,
        endDate: null,
        confirmLateSigning: v.confirmLateSigning,
      }),
    onSuccess: (a) => (notifyOk(`${a.officeNumber ?? t('agreements.unnumbered')}: ${t('common.saved')}`), onDone(a)),
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={t('agreements.renew')} centered>
      <form onSubmit={form.onSubmit(() => save.mutate())}>
        <Stack>
          <DateField label={t('agreements.startDate')} {...form.getInputProps('startDate')} />
          <NumberInput
            label={t('agreements.termMonths')}
            {...rangeOf(AgreementRenewInput.shape.termMonths)}
            allowDecimal={false}
            {...form.getInputProps('termMonths')}
          />
          <DateField label={t('agreements.signDate')} {...form.getInputProps('signDate')} />
          {v.signDate && v.startDate && v.signDate > v.startDate && (
            <Checkbox label={t('agreements.confirmLateSigning')} {...form.getInputProps('confirmLateSigning', { type: 'checkbox' })} />
          )}
          <DialogActions onCancel={onClose} loading={save.isPending} label={t('agreements.renew')} />
        </Stack>
      </form>
    </Modal>
  );
}
