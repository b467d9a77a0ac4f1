import { Anchor, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { INDICATOR_BY_CODE } from '../../../../shared/indicators';
import type { ReportScope, ReportSeries } from '../../../../shared/reports';
import { useI18n } from '../../i18n';
import { figureText, monthShort, TREND_CODES, TREND_LABEL, valuesOf, type OpenRecords } from './trendWords';

/**
 * At a Bapas induk: each office's three figures this month and last, and the total, each opening
 * that office's records (the induk's own as scope "own", a post's as its code).
 */
export function OfficeTrends({ series, ownCode, onOpen }: { series: ReportSeries; ownCode: string; onOpen: OpenRecords }) {
  const { t, locale } = useI18n();
  const last = series.months.length - 1;
  const monthsShown = [last, last - 1];
  const rows: { key: string; name: string; office: string | null; scope: ReportScope; own: boolean }[] = [
    ...series.offices.map((o) => ({
      key: o.code,
      name: `${o.name} (${o.code})`,
      office: o.code,
      scope: (o.code === ownCode ? { kind: 'own' } : { kind: 'post', code: o.code }) as ReportScope,
      own: o.code === ownCode,
    })),
  ];
  const cell = (code: (typeof TREND_CODES)[number], office: string | null, i: number, scope: ReportScope, name: string | undefined, testId: string) => {
    const v = valuesOf(series, code, office)[i] ?? null;
    return (
      <Table.Td key={`${code}-${i}`} ta="right">
        <Anchor component="button" type="button" fz="sm" onClick={() => onOpen(code, i, scope, name)} data-testid={testId}>
          {figureText(v, INDICATOR_BY_CODE.get(code)!.unit === 'persen', locale)}
        </Anchor>
      </Table.Td>
    );
  };
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('home.trend.byOffice')}
      </Title>
      <ScrollArea type="auto">
        <Table fz="sm" striped data-testid="home-trend-offices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>{t('home.office')}</Table.Th>
              {TREND_CODES.map((c) => (
                <Table.Th key={c} colSpan={2} ta="center">
                  {t(TREND_LABEL[c])}
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              {TREND_CODES.flatMap((c) =>
                monthsShown.map((i) => (
                  <Table.Th key={`${c}-${i}`} ta="right">
                    {monthShort(series.months[i]!, locale)}
                  </Table.Th>
                )),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} data-testid={`home-trend-office-${r.key}`}>
                <Table.Td>
                  {r.name}
                  {r.own && (
                    <Text span size="sm" c="dimmed">
                      {` ${t('home.ownOffice')}`}
                    </Text>
                  )}
                </Table.Td>
                {TREND_CODES.flatMap((c) =>
                  monthsShown.map((i) => cell(c, r.office, i, r.scope, r.name, `home-trend-${r.key}-${c}-${i === last ? 'now' : 'before'}`)),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Td>{t('home.total')}</Table.Td>
              {TREND_CODES.flatMap((c) =>
                monthsShown.map((i) => cell(c, null, i, series.scope, undefined, `home-trend-total-${c}-${i === last ? 'now' : 'before'}`)),
              )}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
