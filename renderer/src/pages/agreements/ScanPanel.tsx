import { Badge, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../../../shared/format';
import type { Agreement } from '../../../../shared/types';
import { useOffice } from '../../app/useOffice';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call, fileToBase64, saveFile } from '../../rpc';
import { DateField } from '../../components/DateField';
import { isIsoDate } from '../../../../shared/validate';
import { MAX_SCAN_BYTES } from '../../../../shared/schemas/common';
import { useRecordAccess } from '../../components/ownership';

/** The signed scans of an agreement: the current one first, earlier ones kept as history. */
export function ScanPanel({ agreement, onChanged }: { agreement: Agreement; onChanged: (a: Agreement) => void }) {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const access = useRecordAccess(agreement);
  const [file, setFile] = useState<File | null>(null);
  const [signedOn, setSignedOn] = useState<string | null>(agreement.signedOn ?? agreement.signDate);
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async () => call('agreements.uploadScan', { id: agreement.id, filename: file!.name, base64: await fileToBase64(file!), signedOn: signedOn! }),
    onSuccess: (a) => {
      setFile(null);
      notifyOk(t('common.saved'));
      onChanged(a);
    },
    onError: (e) => showError(e, t),
  });
  const download = useMutation({ mutationFn: (id: string) => call('agreements.scan', { id }), onSuccess: saveFile, onError: (e) => showError(e, t) });
  const canUpload = access.may('agreements.uploadScan') && agreement.status !== 'dibatalkan';

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('scans.title')}
      </Title>
      {agreement.scans.length === 0 && <Text c="dimmed">{t('scans.none')}</Text>}
      <Table fz="sm">
        <Table.Tbody>
          {agreement.scans.map((s, i) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => download.mutate(s.id)}>
                  {s.filename}
                </Button>
                {i === 0 && <Badge ml="xs">{t('scans.current')}</Badge>}
              </Table.Td>
              <Table.Td>{(s.size / 1024).toFixed(0)} KB</Table.Td>
              <Table.Td>
                {s.uploadedBy} · {formatDateTime(s.uploadedAt, zone, locale)}
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" title={s.sha256}>
                  SHA-256 {s.sha256.slice(0, 12)}…
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canUpload && (
        <Stack gap="xs" mt="sm">
          <Group align="flex-end">
            <FileInput
              label={t('scans.file')}
              accept="application/pdf,image/jpeg,image/png"
              value={file}
              onChange={(f) => {
                setFile(f);
                setError(f && f.size > MAX_SCAN_BYTES ? t('scans.tooLarge') : null);
              }}
              error={error}
              w={360}
              clearable
            />
            {!agreement.signedOn && <DateField label={t('agreements.signedOn')} value={signedOn} onChange={setSignedOn} w={200} />}
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={!file || !signedOn || !isIsoDate(signedOn) || !!error}
              loading={upload.isPending}
              onClick={() => upload.mutate()}
            >
              {t('scans.upload')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
