import { Alert, Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../../shared/backupPanel';
import { BackupCopyInput } from '../../../../shared/schemas/backupPanel';
import { maxLengthOf } from '../../../../shared/schemas/limits';
import { AppError } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format';
import { useOffice } from '../../app/useOffice';
import { showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { useHostDialogs } from '../bundles/shared';
import { daysAgo, refreshBackups } from './shared';

const POLL_MS = 300;

/** "Cadangkan ke media lain": a folder (the host's dialog, or typed), the copy's progress, cancel, and the last good copy. */
export function CopyCard({ status, canCopy }: { status: BackupStatus; canCopy: boolean }) {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const qc = useQueryClient();
  const dialogs = useHostDialogs();
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [copyId, setCopyId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => call('backups.copy', { folder }),
    onSuccess: (p) => {
      setFolderError(null);
      setCopyId(p.copyId);
    },
    onError: (e) => {
      if (e instanceof AppError && e.fields?.folder) setFolderError(t(e.fields.folder, e.params));
      else showError(e, t);
    },
  });
  const progress = useQuery({
    queryKey: ['backups.progress', copyId],
    queryFn: () => call('backups.progress', { copyId: copyId! }),
    enabled: copyId !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.phase !== 'writing' && q.state.data.phase !== 'checking' ? false : POLL_MS),
  });
  const cancel = useMutation({ mutationFn: () => call('backups.cancelCopy', { copyId: copyId! }), onError: (e) => showError(e, t) });
  const p = progress.data;
  const running = p ? p.phase === 'writing' || p.phase === 'checking' : copyId !== null;
  useEffect(() => {
    if (p?.phase === 'done') void refreshBackups(qc);
  }, [p?.phase, qc]);

  return (
    <Paper withBorder p="md" data-testid="backup-copy">
      <Title order={4} mb="xs">
        {t('backups.copy.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('backups.copy.hint')}
      </Text>
      <Text size="sm" mb="sm" data-testid="backup-copy-last">
        {status.lastCopyAt
          ? t('backups.copy.last', { when: `${formatDateTime(status.lastCopyAt, zone, locale)} (${daysAgo(t, status.lastCopyAt)})` })
          : t('backups.copy.never')}
      </Text>
      {canCopy && (
        <Stack gap="sm">
          <Group align="flex-end">
            <TextInput
              label={t('backups.copy.folder')}
              description={t('backups.copy.folderHint')}
              value={folder}
              onChange={(e) => setFolder(e.currentTarget.value)}
              error={folderError}
              maxLength={maxLengthOf(BackupCopyInput.shape.folder)}
              style={{ flex: 1 }}
              disabled={running}
              data-testid="backup-copy-folder"
            />
            {dialogs.supported && (
              <Button
                variant="default"
                disabled={running}
                onClick={() => void dialogs.chooseFolder().then((paths) => paths[0] && (setFolder(paths[0]), setFolderError(null)))}
              >
                {t('backups.copy.choose')}
              </Button>
            )}
          </Group>
          <Group>
            <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running || folder.trim() === ''} data-testid="backup-copy-start">
              {t('backups.copy.start')}
            </Button>
            {running && (
              <Button variant="default" color="red" onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="backup-copy-cancel">
                {t('backups.copy.cancel')}
              </Button>
            )}
          </Group>
          {running && (
            <Stack gap={4}>
              <Text size="sm">{t(p?.phase === 'checking' ? 'backups.copy.checking' : 'backups.copy.writing')}</Text>
              <Progress value={p && p.total > 0 ? (100 * p.done) / p.total : 0} animated aria-label={t('backups.copy.writing')} />
            </Stack>
          )}
          {p?.phase === 'done' && (
            <Alert color="teal" data-testid="backup-copy-done">
              {t('backups.copy.done', { file: p.filename ?? '' })}
            </Alert>
          )}
          {p?.phase === 'cancelled' && <Alert color="gray">{t('backups.copy.cancelled')}</Alert>}
          {p?.phase === 'failed' && (
            <Alert color="red" data-testid="backup-copy-failed">
              {t(p.error ?? 'backups.copyFailed')}
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
