import { Alert, Badge, Button, Checkbox, FileInput, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ADMIN } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useOffice } from '../app/useOffice';
import { RequireRole } from '../components/Forbidden';
import { notifyOk, showError } from '../components/forms';
import { useI18n } from '../i18n';
import { call, fileToBase64, saveFile } from '../rpc';

/**
 * "Kunci & pasangan": this office's fingerprint and key card, and registering the other office's
 * card once its fingerprint, read aloud over the phone, matches what is typed here.
 */
export function KeysPage() {
  return (
    <RequireRole roles={ADMIN}>
      <Keys />
    </RequireRole>
  );
}

function Keys() {
  const { t, locale } = useI18n();
  const { zone, settings } = useOffice();
  const qc = useQueryClient();
  const own = useQuery({ queryKey: ['keys.own'], queryFn: () => call('keys.own', {}) });
  const list = useQuery({ queryKey: ['keys.list'], queryFn: () => call('keys.list', {}) });
  const card = useMutation({ mutationFn: () => call('keys.card', {}), onSuccess: saveFile, onError: (e) => showError(e, t) });
  const [file, setFile] = useState<File | null>(null);
  const [typed, setTyped] = useState('');
  const [replace, setReplace] = useState(false);
  const read = useQuery({
    queryKey: ['keys.readCard', file?.name, file?.size, file?.lastModified],
    queryFn: async () => call('keys.readCard', { base64: await fileToBase64(file!) }),
    enabled: file !== null,
    retry: false,
  });
  const register = useMutation({
    mutationFn: async () => call('keys.register', { base64: await fileToBase64(file!), fingerprint: typed, replace }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['keys.list'] });
      notifyOk(t('keys.registered', { name: r.officeName }));
      setFile(null);
      setTyped('');
      setReplace(false);
    },
    onError: (e) => showError(e, t),
  });
  const allowPlain = useMutation({
    mutationFn: (v: { officeCode: string; allow: boolean }) => call('keys.allowPlain', v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['keys.list'] }),
    onError: (e) => showError(e, t),
  });
  const conflict = register.error instanceof AppError && register.error.code === 'CONFLICT';
  const readError = read.error instanceof AppError ? t(read.error.message) : null;
  const isPos = settings?.office.kind === 'pos';

  return (
    <Stack maw={900}>
      <Title order={2}>{t('keys.title')}</Title>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('keys.ownTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t(isPos ? 'keys.ownHintPos' : 'keys.ownHintParent')}
        </Text>
        <Group justify="space-between">
          <div>
            <Text size="xs" c="dimmed">
              {t('keys.fingerprint')}
            </Text>
            <Text ff="monospace" fz={26} fw={600} lts={2} data-testid="own-fingerprint">
              {own.data?.fingerprint ?? '…'}
            </Text>
          </div>
          <Button leftSection={<IconDownload size={16} />} onClick={() => card.mutate()} loading={card.isPending}>
            {t('keys.downloadCard')}
          </Button>
        </Group>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t(isPos ? 'keys.registerParent' : 'keys.registerPost')}
        </Title>
        <Stack gap="sm">
          <FileInput
            label={t('keys.cardFile')}
            accept=".json,application/json"
            value={file}
            onChange={setFile}
            clearable
            w={420}
            leftSection={<IconKey size={16} />}
          />
          {readError && <Alert color="red">{readError}</Alert>}
          {read.data && (
            <>
              <Text size="sm">{t('keys.cardOf', { name: read.data.officeName, code: read.data.officeCode, kind: t(`setup.kind.${read.data.kind}`) })}</Text>
              <TextInput
                label={t('keys.typeFingerprint')}
                description={t('keys.typeFingerprintHint')}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                w={420}
                styles={{ input: { fontFamily: 'monospace', letterSpacing: 2 } }}
              />
              {conflict && <Checkbox label={t('keys.replace')} checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />}
              <Group>
                <Button onClick={() => register.mutate()} loading={register.isPending} disabled={!typed.trim()}>
                  {t('keys.register')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('keys.listTitle')}
        </Title>
        {list.data?.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('keys.none')}
          </Text>
        ) : (
          <Table fz="sm" data-testid="registered-offices">
            <Table.Tbody>
              {(list.data ?? []).map((r) => (
                <Table.Tr key={r.officeCode}>
                  <Table.Td>{`${r.officeName} (${r.officeCode})`}</Table.Td>
                  <Table.Td miw={120}>
                    <Badge variant="light" tt="none" styles={{ label: { overflow: 'visible' } }}>
                      {t(`keys.relation.${r.relation}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ff="monospace">{r.fingerprint}</Table.Td>
                  <Table.Td c="dimmed">{formatDateTime(r.registeredAt, zone, locale)}</Table.Td>
                  {!isPos && (
                    <Table.Td>
                      {r.relation === 'post' && (
                        <Switch
                          size="xs"
                          label={t('keys.allowPlain')}
                          description={r.allowPlain ? t('keys.allowPlainOn') : undefined}
                          checked={r.allowPlain}
                          disabled={allowPlain.isPending}
                          onChange={(e) => allowPlain.mutate({ officeCode: r.officeCode, allow: e.currentTarget.checked })}
                        />
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
