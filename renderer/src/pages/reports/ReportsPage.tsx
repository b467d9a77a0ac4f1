import { Anchor, Button, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ADMIN, type InputOf } from '../../../../shared/contract';
import { DIMENSIONS, INDICATOR_BY_CODE, SECTIONS } from '../../../../shared/indicators';
import { formatDate } from '../../../../shared/format';
import { periodLabel } from '../../../../shared/periods';
import type { BreakdownRow, Figure, ReportScope } from '../../../../shared/reports';
import { useSession } from '../../app/session';
import { useOffice, useOfficeToday } from '../../app/useOffice';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { draftFor, PeriodPicker, periodOf, type PeriodDraft } from './PeriodPicker';
import { ReportCharts } from './ReportCharts';
import { RecordsDrawer, type RecordsRequest } from './RecordsDrawer';
import { ReportOutput } from './ReportOutput';
import { formatNumber } from './reportFormat';
import { SentPanel } from './SentPanel';
import { TargetsDialog } from './TargetsDialog';
import { TrackerPanel } from './TrackerPanel';

const scopeKey = (s: ReportScope) => (s.kind === 'post' ? `post:${s.code}` : s.kind);
const scopeOf = (key: string): ReportScope => (key.startsWith('post:') ? { kind: 'post', code: key.slice(5) } : { kind: key === 'own' ? 'own' : 'all' });

/**
 * Laporan: the standard report for a period (and, at a Bapas induk, a scope), section by section.
 * Every figure is a link to the records behind it; above them the sent state of the report (SentPanel)
 * and, at a Bapas induk, the tracker of its posts' monthly reports (TrackerPanel). The report prints,
 * exports and goes with its covering letter from the same figures (ReportOutput).
 */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const today = useOfficeToday();
  const office = useOffice().settings?.office;
  const session = useSession();
  const [draft, setDraft] = useState<PeriodDraft>(() => draftFor(today));
  const [scope, setScope] = useState<ReportScope>({ kind: 'all' });
  const [open, setOpen] = useState<RecordsRequest | null>(null);
  const [targets, setTargets] = useState(false);
  const period = periodOf(draft);
  const input: InputOf<'reports.compute'> | null = period ? { period, scope } : null;
  const report = useQuery({
    queryKey: ['reports.compute', input],
    queryFn: () => call('reports.compute', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  // Nothing is shown for a range not yet complete: the figures on screen are always those of the period picked.
  const r = input ? report.data : undefined;
  const label = period ? periodLabel(period, locale) : '';
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n, locale));
  const rowLabel = (f: Figure, b: BreakdownRow) => {
    const ind = INDICATOR_BY_CODE.get(f.code)!;
    if (b.key === null) return t('reports.notStated');
    const dim = 'breakdown' in ind && ind.breakdown ? DIMENSIONS[ind.breakdown] : null;
    return b.label ?? (dim?.prefix ? t(`${dim.prefix}${b.key}`) : b.key);
  };
  const openRecords = (f: Figure, b?: BreakdownRow) => {
    if (!input) return;
    const name = INDICATOR_BY_CODE.get(f.code)!.name[locale];
    setOpen({
      input: { ...input, code: f.code, ...(b ? { key: b.key } : {}) },
      title: b ? `${name}: ${rowLabel(f, b)}` : name,
      periodLabel: r ? t('reports.periodLine', { label, from: formatDate(r.from, locale), to: formatDate(r.to, locale) }) : label,
    });
  };
  const figureLink = (f: Figure, value: number | null, b?: BreakdownRow) => (
    <Anchor
      component="button"
      type="button"
      fz="sm"
      fw={b ? 400 : 600}
      onClick={() => openRecords(f, b)}
      data-testid={`figure-${f.code}${b ? `-${b.key ?? 'none'}` : ''}`}
    >
      {num(value)}
      {f.unit === 'persen' && value !== null ? '%' : ''}
    </Anchor>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('nav.reports')}</Title>
          <Text size="sm" c="dimmed">
            {t('reports.title')}
          </Text>
        </div>
        {session.can(ADMIN) && (
          <Button variant="light" leftSection={<IconTarget size={16} />} onClick={() => setTargets(true)}>
            {t('reports.targets.title')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <PeriodPicker value={draft} onChange={setDraft} thisYear={Number(today.slice(0, 4))} />
          {office?.kind === 'induk' && r && (
            <Select
              w={240}
              label={t('reports.scope')}
              value={scopeKey(scope)}
              onChange={(v) => v && setScope(scopeOf(v))}
              allowDeselect={false}
              data={[
                { value: 'all', label: t('reports.scope.all') },
                { value: 'own', label: t('reports.scope.own', { office: office.name }) },
                ...r.offices.filter((o) => o.code !== office.code).map((o) => ({ value: `post:${o.code}`, label: o.name })),
              ]}
              data-testid="report-scope"
            />
          )}
          {input && r && <ReportOutput input={input} />}
        </Group>
      </Paper>
      {r && (
        <Text fw={600} data-testid="report-period">
          {t('reports.periodLine', { label, from: formatDate(r.from, locale), to: formatDate(r.to, locale) })}
        </Text>
      )}
      {r && period && (office?.kind !== 'induk' || scope.kind !== 'all') && (
        <SentPanel
          period={period}
          post={scope.kind === 'post' ? scope.code : null}
          postName={scope.kind === 'post' ? (r.offices.find((o) => o.code === scope.code)?.name ?? scope.code) : (office?.name ?? '')}
        />
      )}
      {report.isLoading && <Loader />}
      {r &&
        SECTIONS.map((s) => (
          <Paper withBorder p="sm" key={s} data-testid={`report-section-${s}`} style={report.isPlaceholderData ? { opacity: 0.5 } : undefined}>
            <Title order={4} mb="xs">
              {t(`reports.section.${s}`)}
            </Title>
            <Table fz="sm" withRowBorders verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.head.indicator')}</Table.Th>
                  <Table.Th w={90}>{t('reports.head.unit')}</Table.Th>
                  <Table.Th w={90} style={{ textAlign: 'right' }}>
                    {t('reports.head.target')}
                  </Table.Th>
                  <Table.Th w={110} style={{ textAlign: 'right' }}>
                    {t('reports.head.value')}
                  </Table.Th>
                  <Table.Th w={100} style={{ textAlign: 'right' }}>
                    {t('reports.head.achievement')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.figures
                  .filter((f) => f.section === s)
                  .flatMap((f) => {
                    const ind = INDICATOR_BY_CODE.get(f.code)!;
                    return [
                      <Table.Tr key={f.code}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {ind.name[locale]}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('reports.formula', { text: ind.definition[locale] })}
                          </Text>
                        </Table.Td>
                        <Table.Td>{t(`reports.unit.${f.unit}`)}</Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>{num(f.target)}</Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          {figureLink(f, f.value)}
                          {f.aggregation === 'ratio' && (
                            <Text size="xs" c="dimmed">
                              {t('reports.ratioOf', { numerator: num(f.numerator), denominator: num(f.denominator) })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>{f.achievement === null ? '—' : `${num(f.achievement)}%`}</Table.Td>
                      </Table.Tr>,
                      ...(f.breakdown ?? []).map((b) => (
                        <Table.Tr key={`${f.code}:${b.key ?? ''}`}>
                          <Table.Td pl="xl">
                            <Text size="sm">{rowLabel(f, b)}</Text>
                          </Table.Td>
                          <Table.Td />
                          <Table.Td />
                          <Table.Td style={{ textAlign: 'right' }}>{figureLink(f, b.value, b)}</Table.Td>
                          <Table.Td />
                        </Table.Tr>
                      )),
                    ];
                  })}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
      {r && input && <ReportCharts input={input} report={r} onFigure={openRecords} onRecords={setOpen} />}
      {office?.kind === 'induk' && <TrackerPanel year={period && 'year' in period ? period.year : Number(today.slice(0, 4))} />}
      <RecordsDrawer request={open} onClose={() => setOpen(null)} />
      {targets && <TargetsDialog year={period && 'year' in period ? period.year : Number(today.slice(0, 4))} onClose={() => setTargets(false)} />}
    </Stack>
  );
}
