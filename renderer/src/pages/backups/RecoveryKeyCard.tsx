import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RecoveryKeyView } from '../../../../shared/backupPanel';
import { formatDateTime } from '../../../../shared/format';
import { useOffice } from '../../app/useOffice';
import { DialogActions } from '../../components/DialogActions';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call, saveFile } from '../../rpc';
import { refreshBackups } from './shared';

/**
 * The Kunci Pemulihan: while it is still to be written down, shown on request in its five groups,
 * printable as a sheet, and confirmed with "Sudah saya catat" (then this computer forgets it); after
 * that only a new one can be made.
 */
export function RecoveryKeyCard() {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const qc = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const [fresh, setFresh] = useState<RecoveryKeyView | null>(null);
  const view = useQuery({ queryKey: ['backups.recoveryKey'], queryFn: () => call('backups.recoveryKey', {}), enabled: revealed });
  const status = useQuery({ queryKey: ['backups.status'], queryFn: () => call('backups.status', {}) });
  const shown = fresh ?? view.data ?? null;
  const done = () => {
    setFresh(null);
    setRevealed(false);
    void refreshBackups(qc);
  };
  const sheet = useMutation({ mutationFn: () => call('backups.recoveryKeySheet', {}), onSuccess: saveFile, onError: (e) => showError(e, t) });
  const confirm = useMutation({
    mutationFn: () => call('backups.confirmRecoveryKey', {}),
    onSuccess: () => {
      notifyOk(t('backups.recovery.confirmed'));
      done();
    },
    onError: (e) => showError(e, t),
  });
  const renew = useMutation({
    mutationFn: () => call('backups.newRecoveryKey', {}),
    onSuccess: (v) => {
      setAsking(false);
      setFresh(v);
      setRevealed(true);
      void refreshBackups(qc);
    },
    onError: (e) => showError(e, t),
  });
  const [asking, setAsking] = useState(false);
  const pending = status.data?.recoveryKeyPending ?? false;

  return (
    <Paper withBorder p="md" data-testid="recovery-key">
      <Title order={4} mb="xs">
        {t('backups.recovery.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('backups.recovery.hint')}
      </Text>
      {revealed && shown?.state === 'show' ? (
        <Stack>
          <Alert color="orange">{t('backups.recovery.once')}</Alert>
          <Text ff="monospace" fz={30} fw={700} lts={3} ta="center" data-testid="recovery-key-groups">
            {shown.groups.join(' ')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => sheet.mutate()} loading={sheet.isPending}>
              {t('backups.recovery.print')}
            </Button>
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending} data-testid="recovery-key-confirm">
              {t('backups.recovery.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : pending ? (
        <Group>
          <Button onClick={() => setRevealed(true)} loading={view.isFetching} data-testid="recovery-key-show">
            {t('backups.recovery.show')}
          </Button>
        </Group>
      ) : (
        <Group justify="space-between">
          <Text size="sm">{shown ? t('backups.recovery.shown', { when: formatDateTime(shown.createdAt, zone, locale) }) : ''}</Text>
          <Button variant="default" onClick={() => setAsking(true)}>
            {t('backups.recovery.renew')}
          </Button>
        </Group>
      )}
      {asking && (
        <Modal opened onClose={() => setAsking(false)} title={t('backups.recovery.renew')} centered>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              renew.mutate();
            }}
          >
            <Stack>
              <Text size="sm">{t('backups.recovery.renewConfirm')}</Text>
              <DialogActions onCancel={() => setAsking(false)} loading={renew.isPending} label={t('backups.recovery.renew')} />
            </Stack>
          </form>
        </Modal>
      )}
    </Paper>
  );
}
