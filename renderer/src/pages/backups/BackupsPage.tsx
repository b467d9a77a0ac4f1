import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ADMIN, OVERSEERS } from '../../../../shared/contract';
import { formatBytes, formatDateTime } from '../../../../shared/format';
import { useSession } from '../../app/session';
import { useOffice } from '../../app/useOffice';
import { RequireRole } from '../../components/Forbidden';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { CopyCard } from './CopyCard';
import { RecoveryKeyCard } from './RecoveryKeyCard';
import { RetentionCard } from './RetentionCard';
import { refreshBackups } from './shared';

/**
 * Pengaturan → Cadangan: the backups kept on this computer, making one now, a copy to another
 * medium, how many are kept and when Home reminds, and the Kunci Pemulihan. The admin acts; the
 * pimpinan sees the list and the settings.
 */
export function BackupsPage() {
  return (
    <RequireRole roles={OVERSEERS}>
      <Backups />
    </RequireRole>
  );
}

function Backups() {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const session = useSession();
  const isAdmin = session.can(ADMIN);
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['backups.list'], queryFn: () => call('backups.list', {}) });
  const status = useQuery({ queryKey: ['backups.status'], queryFn: () => call('backups.status', {}) });
  const create = useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: () => {
      notifyOk(t('backups.created'));
      void refreshBackups(qc);
    },
    onError: (e) => showError(e, t),
  });
  const failure = status.data?.lastFailure;

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('backups.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('backups.intro')}
      </Text>
      {!isAdmin && <Alert color="gray">{t('backups.readOnly')}</Alert>}
      {failure && (
        <Alert color="red" data-testid="backup-failure">
          {t('backups.lastFailed', { when: formatDateTime(failure.at, zone, locale), reason: t(failure.message) })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('nav.backups')}</Title>
          {isAdmin && (
            <Group>
              {/* Developer R's "Pulihkan…" (backups.restorePlan) goes here, beside making one. */}
              <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="backup-create">
                {t('backups.createNow')}
              </Button>
            </Group>
          )}
        </Group>
        <Table striped fz="sm" data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.col.date')}</Table.Th>
              <Table.Th>{t('backups.col.kind')}</Table.Th>
              <Table.Th ta="right">{t('backups.col.size')}</Table.Th>
              <Table.Th>{t('backups.col.verified')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{formatDateTime(b.createdAt, zone, locale)}</Table.Td>
                <Table.Td>{t(`backups.kind.${b.kind}`)}</Table.Td>
                <Table.Td ta="right">{formatBytes(b.size, locale)}</Table.Td>
                <Table.Td>
                  {b.verified ? (
                    <Group gap={4} c="teal">
                      <IconCircleCheck size={16} aria-hidden />
                      <span>{t('backups.verifiedYes')}</span>
                    </Group>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t('backups.verifiedNo')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {list.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed" size="sm">
                    {t('backups.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {status.data && <CopyCard status={status.data} canCopy={isAdmin} />}
      {status.data && <RetentionCard settings={status.data.settings} canEdit={isAdmin} />}
      {isAdmin && <RecoveryKeyCard />}
    </Stack>
  );
}
