import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DECIDERS } from '../../../../shared/contract';
import { DIMENSIONS, INDICATOR_BY_CODE } from '../../../../shared/indicators';
import { formatDate, localDateOf } from '../../../../shared/format';
import type { Period } from '../../../../shared/periods';
import type { ReportDifference } from '../../../../shared/reportVersions';
import { useSession } from '../../app/session';
import { useOffice } from '../../app/useOffice';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { formatNumber } from './reportFormat';

/**
 * The sent state of the report on screen: for this office's own report the kept versions, what
 * changed since the newest ("berubah sejak dikirim") and the button that keeps the next version;
 * at a Bapas induk for one post, what the post sent beside what is computed here from its records.
 */
export function SentPanel({ period, post, postName }: { period: Period; post: string | null; postName: string }) {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const session = useSession();
  const qc = useQueryClient();
  const input = { period, scope: post ? { kind: 'post' as const, code: post } : { kind: 'own' as const } };
  const q = useQuery({ queryKey: ['reports.versions', input], queryFn: () => call('reports.versions', input) });
  const mark = useMutation({
    mutationFn: () => call('reports.markSent', { period }),
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: ['reports.versions'] });
      void qc.invalidateQueries({ queryKey: ['reports.tracker'] });
      notifyOk(t('reports.sent.done', { version: v.version }));
    },
    onError: (e) => showError(e, t),
  });
  const r = q.data;
  if (!r) return null;
  const latest = r.versions[0];
  const day = (iso: string) => formatDate(localDateOf(new Date(iso), zone), locale);
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n, locale));
  const rowName = (d: ReportDifference) => {
    if (!d.row) return '—';
    if (d.row.key === null) return t('reports.notStated');
    const ind = INDICATOR_BY_CODE.get(d.code);
    const dim = ind && 'breakdown' in ind && ind.breakdown ? DIMENSIONS[ind.breakdown] : null;
    return d.row.label ?? (dim?.prefix ? t(`${dim.prefix}${d.row.key}`) : d.row.key);
  };
  const canMark = !post && session.can(DECIDERS) && (!latest || r.changed);
  return (
    <Paper withBorder p="sm" data-testid="report-sent">
      <Group justify="space-between" align="flex-start">
        <div>
          {post && (
            <Title order={5} mb={4}>
              {t('reports.sent.postTitle', { office: postName })}
            </Title>
          )}
          <Text size="sm" data-testid="report-sent-state">
            {latest
              ? t('reports.sent.state', { version: latest.version, date: day(latest.sentAt), name: latest.sentByName ?? '—' })
              : post
                ? t('reports.sent.postNone', { office: postName })
                : t('reports.sent.none')}
          </Text>
          {latest && !r.changed && (
            <Text size="sm" c="dimmed">
              {post ? t('reports.sent.postSame', { office: postName }) : t('reports.sent.same')}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {r.changed && (
            <Badge color="orange" variant="light" data-testid="report-changed">
              {post ? t('reports.sent.postDiffers', { office: postName }) : t('reports.sent.changed')}
            </Badge>
          )}
          {canMark && (
            <Button size="xs" leftSection={<IconSend size={14} />} loading={mark.isPending} onClick={() => mark.mutate()} data-testid="report-mark-sent">
              {latest ? t('reports.sent.correct') : t('reports.sent.mark')}
            </Button>
          )}
        </Group>
      </Group>
      {r.changed && (
        <Table fz="sm" mt="xs" withRowBorders verticalSpacing={2} data-testid="report-differences">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.diff.indicator')}</Table.Th>
              <Table.Th>{t('reports.diff.breakdown')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('reports.diff.sent')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('reports.diff.current')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.differences.map((d) => (
              <Table.Tr key={`${d.code}:${d.row ? (d.row.key ?? '∅') : ''}`}>
                <Table.Td>{INDICATOR_BY_CODE.get(d.code)?.name[locale] ?? d.code}</Table.Td>
                <Table.Td>{rowName(d)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{num(d.sent)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{num(d.current)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
