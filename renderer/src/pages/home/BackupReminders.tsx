import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { ADMIN, OVERSEERS } from '../../../../shared/contract';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { daysAgo } from '../backups/shared';

/**
 * Beranda's backup notices for those who oversee the records: a failed automatic backup, no copy
 * to another medium for longer than the setting ("belum pernah" when there is none), and, for the
 * admin, the Kunci Pemulihan not yet written down. Each leads to Pengaturan → Cadangan.
 */
export function BackupReminders() {
  const { t } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const overseer = session.can(OVERSEERS);
  const status = useQuery({ queryKey: ['backups.status'], queryFn: () => call('backups.status', {}), enabled: overseer }).data;
  if (!overseer || !status) return null;
  const notices: { key: string; color: string; text: string }[] = [];
  if (status.lastFailure) notices.push({ key: 'failed', color: 'red', text: t('home.backups.failed', { reason: t(status.lastFailure.message) }) });
  if (status.copyOverdue)
    notices.push({
      key: 'copy',
      color: 'orange',
      text: status.lastCopyAt ? t('home.backups.copyAgo', { ago: daysAgo(t, status.lastCopyAt) }) : t('home.backups.copyNever'),
    });
  if (status.recoveryKeyPending && session.can(ADMIN)) notices.push({ key: 'recovery', color: 'orange', text: t('home.backups.recoveryKey') });
  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="home-backups">
      {notices.map((n) => (
        <Alert key={n.key} color={n.color} data-testid={`home-backups-${n.key}`}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{n.text}</Text>
            <Button size="compact-sm" variant="light" color={n.color} onClick={() => navigate('/pengaturan/cadangan')}>
              {t('home.backups.open')}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
