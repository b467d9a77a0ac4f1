import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { RecoveryState } from '../../../shared/backups';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';
import { call } from '../rpc';

/**
 * Shown instead of everything else when the database could not be opened at start (app.status
 * carries `recovery`): what happened in plain words, and the two ways on. No one is signed in
 * (there are no users to check without the database); the damaged file is kept either way.
 */
export function RecoveryScreen({ state, onRestored }: { state: RecoveryState; onRestored: () => void }) {
  const { t, locale } = useI18n();
  const restore = useMutation({ mutationFn: () => call('recovery.restoreLatest', {}), onSuccess: onRestored });
  const salvage = useMutation({ mutationFn: () => call('recovery.salvage', {}) });
  const errorOf = (e: unknown) => (e instanceof AppError ? t(e.message, e.params) : t('rpc.offline'));

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder p="xl" radius="md" w={640}>
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Title order={2}>{t('recovery.title')}</Title>
            <LanguageSwitch />
          </Group>
          <Text>{t(`recovery.problem.${state.problem}`)}</Text>
          <Text c="dimmed" size="sm">
            {t('recovery.kept')}
          </Text>
          <Text fw={500}>
            {state.latestGood ? t('recovery.latestGood', { date: formatDateTime(state.latestGood.createdAt, 'WIB', locale) }) : t('recovery.noBackup')}
          </Text>
          {restore.error && (
            <Alert color="red" role="alert">
              {errorOf(restore.error)}
            </Alert>
          )}
          <Group>
            <Button disabled={!state.latestGood} loading={restore.isPending} onClick={() => restore.mutate()}>
              {t('recovery.restore')}
            </Button>
            <Button variant="default" loading={salvage.isPending} onClick={() => salvage.mutate()}>
              {t('recovery.salvage')}
            </Button>
          </Group>
          <Text c="dimmed" size="sm">
            {t('recovery.salvageHint')}
          </Text>
          {salvage.error && (
            <Alert color="red" role="alert">
              {errorOf(salvage.error)}
            </Alert>
          )}
          {salvage.data && (
            <Alert color="teal">
              <Text size="sm">{t('recovery.salvaged', { path: salvage.data.path })}</Text>
              {salvage.data.tables.some((x) => !x.complete) && <Text size="sm">{t('recovery.salvagedPartly')}</Text>}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
