import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { contract } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import type { EndedClient } from '../../../../shared/types';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { DialogActions } from '../../components/DialogActions';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';

const col = createColumnHelper<EndedClient>();

/**
 * "Masa bimbingan berakhir, belum ditutup": open records past the end of supervision, each closed
 * as selesai in two clicks (the row's button, then the confirmation with the reason written out).
 */
export function EndedList() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const [closing, setClosing] = useState<EndedClient | null>(null);
  const ended = useQuery({ queryKey: ['clients.ended'], queryFn: () => call('clients.ended', {}) });
  // Whoever the contract lets change a client's status may close one here.
  const canClose = session.can(contract['clients.setStatus'].access);

  const columns = useMemo(
    () => [
      col.accessor('registerNumber', { header: t('clients.registerNumber'), meta: { minWidth: 140 } }),
      col.accessor('name', {
        header: t('clients.name'),
        cell: (c) => (
          <Text fw={500} size="sm">
            {c.getValue()}
          </Text>
        ),
      }),
      col.accessor((r) => r.pkName ?? '', { id: 'pk', header: 'PK', cell: (c) => c.getValue() || '—' }),
      col.accessor('supervisionEnd', {
        header: t('clients.supervisionEnd'),
        meta: { minWidth: 150 },
        cell: (c) => formatDate(c.getValue(), locale),
      }),
      ...(canClose
        ? [
            col.display({
              id: 'close',
              header: '',
              meta: { minWidth: 150 },
              cell: (c) => (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconCircleCheck size={14} />}
                  data-testid="close-ended"
                  onClick={(e) => {
                    // The row opens the client; the button closes it without leaving the list.
                    e.stopPropagation();
                    setClosing(c.row.original);
                  }}
                >
                  {t('caseload.close')}
                </Button>
              ),
            }),
          ]
        : []),
    ],
    [t, locale, canClose],
  );

  return (
    <Stack gap="sm" data-testid="ended-list">
      {ended.data?.length === 0 ? (
        <Text c="dimmed">{t('caseload.endedNone')}</Text>
      ) : (
        <>
          <Alert color="orange" variant="light" title={t('caseload.endedTitle')}>
            {t('caseload.endedHint')}
          </Alert>
          <DataTable
            data={ended.data ?? []}
            columns={columns}
            getRowId={(r) => r.clientId}
            onRowClick={(r) => navigate(`/klien/${r.clientId}`)}
            testId="ended-table"
            height="calc(100vh - 380px)"
          />
        </>
      )}
      {closing && <CloseDialog client={closing} onClose={() => setClosing(null)} />}
    </Stack>
  );
}

/** The second click: closes the record as selesai as of the end of supervision, the reason written out and editable. */
function CloseDialog({ client, onClose }: { client: EndedClient; onClose: () => void }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { reason: t('caseload.endedReason', { date: formatDate(client.supervisionEnd, locale) }) },
    validate: { reason: (v) => (v.trim() ? null : t('v.required')) },
  });
  const save = useMutation({
    mutationFn: (reason: string) => call('clients.setStatus', { id: client.clientId, status: 'selesai', date: client.closeOn, reason }),
    onSuccess: (c) => {
      notifyOk(t('caseload.closed', { name: c.name }));
      qc.setQueryData(['clients.get', c.id], c);
      for (const key of ['clients.ended', 'clients.list', 'checkins.overdue', 'checkins.agenda', 'bundles.officeCounts'])
        void qc.invalidateQueries({ queryKey: [key] });
      onClose();
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={t('caseload.closeTitle')} centered>
      <form onSubmit={form.onSubmit((v) => save.mutate(v.reason))}>
        <Stack>
          <Text size="sm">{t('caseload.closeBody', { name: client.name, register: client.registerNumber, date: formatDate(client.closeOn, locale) })}</Text>
          <Textarea label={t('clients.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
          <DialogActions onCancel={onClose} loading={save.isPending} label={t('caseload.closeConfirm')} />
        </Stack>
      </form>
    </Modal>
  );
}
