import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle, IconQuestionMark } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDateTime } from '../../../shared/format';
import type { DocumentVerification } from '../../../shared/types';
import { useOffice } from '../app/useOffice';
import { showError } from '../components/forms';
import { useI18n } from '../i18n';
import { call } from '../rpc';

/**
 * "Verifikasi dokumen": the code (or a QR scanner, which types it) in, and whether a document
 * with that code was printed here, which version it is, and whether the record still says the same.
 */
export function VerifyPage() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const verify = useMutation({ mutationFn: (c: string) => call('documents.verify', { code: c }), onError: (e) => showError(e, t) });

  return (
    <Stack maw={760}>
      <Title order={2}>{t('verify.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('verify.hint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) verify.mutate(code);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('verify.code')}
            placeholder="XXXXX-XXXXX"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            w={280}
            data-autofocus
            autoFocus
            styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
          />
          <Button type="submit" loading={verify.isPending} disabled={!code.trim()}>
            {t('verify.check')}
          </Button>
        </Group>
      </form>
      {verify.data && <VerifyResult result={verify.data} />}
    </Stack>
  );
}

function VerifyResult({ result }: { result: DocumentVerification }) {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  if (!result.found) {
    return (
      <Alert color="red" icon={<IconQuestionMark />} title={t('verify.notFound.title')} data-testid="verify-result">
        {t('verify.notFound', { code: result.code })}
      </Alert>
    );
  }
  // A post's document is genuine and its version known; only its content is for the post to compare.
  const good = result.standing === 'current' || result.standing === 'elsewhere';
  const vars = { version: result.version, latest: result.latestVersion, office: result.printedAtOffice ?? '' };
  return (
    <Paper withBorder p="md" data-testid="verify-result">
      <Alert
        color={result.standing === 'elsewhere' ? 'blue' : good ? 'teal' : 'yellow'}
        icon={good ? <IconCircleCheck /> : <IconAlertTriangle />}
        title={t(STANDING[result.standing].title, vars)}
        mb="md"
      >
        {t(STANDING[result.standing].text, vars)}
      </Alert>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          <Row label={t('verify.code')} value={result.code} />
          <Row label={t('verify.document')} value={`${t(`verify.kind.${result.kind}`)}: ${result.title}`} />
          <Row label={t('verify.number')} value={<Link href={result.href}>{result.number}</Link>} />
          {result.kind === 'laporan' ? null : <Row label={t('agreements.partner')} value={result.partnerName} />}
          <Row label={t('verify.version')} value={t('verify.versionOf', { version: result.version, latest: result.latestVersion })} />
          <Row label={t('verify.printedAt')} value={`${formatDateTime(result.printedAt, zone, locale)} · ${result.printedBy}`} />
          <Row
            label={t('verify.status')}
            value={
              <Badge color="gray" variant="light">
                {t(result.statusKey)}
              </Badge>
            }
          />
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** One title and one sentence per verdict, so the box never says two things at once. */
const STANDING = {
  current: { title: 'verify.match.title', text: 'verify.match' },
  changed: { title: 'verify.changed.title', text: 'verify.changed' },
  superseded: { title: 'verify.older.title', text: 'verify.older' },
  reverted: { title: 'verify.older.title', text: 'verify.olderSame' },
  elsewhere: { title: 'verify.elsewhere.title', text: 'verify.elsewhere' },
} as const;

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={200}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{value}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
