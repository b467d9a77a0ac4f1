import { Alert, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { WRITERS, type InputOf } from '../../../shared/contract';
import { HOME_VISIT_AFTER } from '../../../shared/checkins';
import type { AgreementStatus } from '../../../shared/agreements';
import { BIDANG } from '../../../shared/domain';
import { formatDate, weekdayOf } from '../../../shared/format';
import type { OfficeCounts } from '../../../shared/types';
import { useSession } from '../app/session';
import { useOffice, useOfficeToday } from '../app/useOffice';
import { useI18n } from '../i18n';
import { call } from '../rpc';
import { BackupReminders } from './home/BackupReminders';
import { TrendCards } from './home/TrendCards';

function Stat({ label, value, onClick, testId }: { label: string; value: number | undefined; onClick: () => void; testId?: string }) {
  return (
    <Card
      withBorder
      padding="md"
      data-testid={testId}
      onClick={onClick}
      style={{ cursor: 'pointer' }}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => e.key === 'Enter' && onClick()}
    >
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700}>
        {value ?? '…'}
      </Text>
    </Card>
  );
}

const COUNT_COLUMNS = [
  ['partners', 'home.col.partners'],
  ['clients', 'home.col.clients'],
  ['agreementsActive', 'home.col.agreements'],
  ['referralsOpen', 'home.col.referrals'],
  ['activities', 'home.col.activities'],
] as const satisfies readonly (readonly [keyof OfficeCounts, string])[];

/** At a Bapas induk: its own records and each post's (as last received), side by side with the total. */
function OfficeCountsCard() {
  const { t } = useI18n();
  const counts = useQuery({ queryKey: ['bundles.officeCounts'], queryFn: () => call('bundles.officeCounts', {}) }).data;
  if (!counts) return null;
  const total = (k: (typeof COUNT_COLUMNS)[number][0]) => counts.reduce((s, c) => s + c[k], 0);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('home.byOffice')}
      </Title>
      <Table fz="sm" striped data-testid="office-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('home.office')}</Table.Th>
            {COUNT_COLUMNS.map(([k, label]) => (
              <Table.Th key={k} ta="right">
                {t(label)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.map((c) => (
            <Table.Tr key={c.officeCode}>
              <Table.Td>
                {`${c.officeName} (${c.officeCode})`}
                {c.own && (
                  <Text span size="sm" c="dimmed">
                    {` ${t('home.ownOffice')}`}
                  </Text>
                )}
              </Table.Td>
              {COUNT_COLUMNS.map(([k]) => (
                <Table.Td key={k} ta="right">
                  {c[k]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t('home.total')}</Table.Td>
            {COUNT_COLUMNS.map(([k]) => (
              <Table.Td key={k} ta="right">
                {total(k)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Paper>
  );
}

/** Who is due to report in the coming week: the count and the first few, opening the agenda. */
function AgendaCard() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const from = useOfficeToday();
  const agenda = useQuery({ queryKey: ['checkins.agenda', 'home', from], queryFn: () => call('checkins.agenda', { from, days: 7, limit: 5 }) }).data;
  if (!agenda) return null;
  return (
    <Paper withBorder p="md" data-testid="home-agenda">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4}>
          <Text fw={600}>{t('home.agendaTitle', { count: agenda.total })}</Text>
          {agenda.rows.map((r) => (
            <Text key={r.clientId} size="sm">
              <Link href={`/klien/${r.clientId}`}>{r.name}</Link>
              {` — ${weekdayOf(r.nextDue ?? '', locale)}, ${formatDate(r.nextDue ?? '', locale)}`}
            </Text>
          ))}
          {agenda.total > agenda.rows.length && (
            <Text size="sm" c="dimmed">
              {'…'}
            </Text>
          )}
        </Stack>
        <Button size="compact-sm" variant="light" onClick={() => navigate('/wajib-lapor/agenda')}>
          {t('home.agendaOpen')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Counts an office reports upward, each opening the list behind it. */
export function Home() {
  const { t, locale } = useI18n();
  const session = useSession();
  const isParent = useOffice().settings?.office.kind === 'induk';
  const [, navigate] = useLocation();
  const filters: Record<string, InputOf<'partners.list'>> = {
    all: {},
    aktif: { status: 'aktif' },
    calon: { status: 'calon' },
    terverifikasi: { status: 'terverifikasi' },
    ...Object.fromEntries(BIDANG.map((b) => [b, { bidang: b }])),
  };
  const keys = Object.keys(filters);
  const totals = useQueries({
    queries: keys.map((k) => ({ queryKey: ['partners.list', 'count', k], queryFn: () => call('partners.list', { ...filters[k], limit: 1 }) })),
  });
  const n = (k: string) => totals[keys.indexOf(k)]?.data?.total;
  const all = n('all');
  const active = n('aktif');
  const calon = n('calon');
  const verified = n('terverifikasi');
  const byBidang = BIDANG.map((b) => ({ b, n: n(b) }));
  // Under the register's key, so every change that refreshes the register refreshes these counts.
  const agreements = useQuery({ queryKey: ['agreements.list', 'statusCounts'], queryFn: () => call('agreements.statusCounts', {}) }).data;
  const countOf = (status: AgreementStatus) => agreements?.[status];
  const groups = useQuery({ queryKey: ['pokmas.list', 'active'], queryFn: () => call('pokmas.list', {}) }).data?.length;
  const clients = useQuery({ queryKey: ['clients.list', 'count', 'aktif'], queryFn: () => call('clients.list', { status: 'aktif', limit: 1 }) }).data?.total;
  const overdue = useQuery({ queryKey: ['checkins.overdue'], queryFn: () => call('checkins.overdue', {}) }).data;
  const homeVisits = overdue?.filter((r) => r.missedStreak >= HOME_VISIT_AFTER) ?? [];
  const atRisk = useQuery({ queryKey: ['referrals.list', 'atRisk'], queryFn: () => call('referrals.atRisk', {}) }).data;
  const ended = useQuery({ queryKey: ['clients.ended'], queryFn: () => call('clients.ended', {}) }).data;

  return (
    <Stack>
      <Title order={2}>{t('home.title')}</Title>
      <BackupReminders />
      <SimpleGrid cols={4}>
        <Stat label={t('home.partners')} value={all} onClick={() => navigate('/mitra')} />
        <Stat label={t('home.active')} value={active} onClick={() => navigate('/mitra')} />
        <Stat
          label={t('home.candidates')}
          value={calon === undefined || verified === undefined ? undefined : calon + verified}
          onClick={() => navigate('/mitra')}
        />
        <Stat label={t('home.groups')} value={groups} onClick={() => navigate('/pokmas')} />
      </SimpleGrid>
      <SimpleGrid cols={4}>
        <Stat
          label={t('agreements.expiringCount')}
          value={countOf('akan_berakhir')}
          onClick={() => navigate('/pks?status=akan_berakhir')}
          testId="home-expiring"
        />
        <Stat label={t('agreements.endedCount')} value={countOf('berakhir')} onClick={() => navigate('/pks?status=berakhir')} testId="home-ended" />
        <Stat label={t('home.activeClients')} value={clients} onClick={() => navigate('/klien')} />
        <Stat label={t('home.overdue')} value={overdue?.length} onClick={() => navigate('/wajib-lapor')} testId="home-overdue" />
      </SimpleGrid>
      {!!countOf('belum_berlaku') && (
        <Alert color="blue" data-testid="home-not-yet-in-force">
          <Link href="/pks?status=belum_berlaku">{t('home.notYetInForce', { count: countOf('belum_berlaku') ?? 0 })}</Link>
        </Alert>
      )}
      {homeVisits.length > 0 && (
        <Alert color="red" title={t('home.homeVisits', { count: homeVisits.length })} data-testid="home-visits">
          <Stack gap={4}>
            {homeVisits.slice(0, 10).map((r) => (
              <Text key={r.clientId} size="sm">
                <Link href={`/klien/${r.clientId}`}>{r.name}</Link>
                {` — ${t('checkins.missedSince', { count: r.missedStreak, date: formatDate(r.overdueSince ?? '', locale) })}`}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <AgendaCard />
      {ended && ended.length > 0 && (
        <Alert color="orange" title={t('caseload.homeEnded', { count: ended.length })} data-testid="home-supervision-ended">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm">
              {ended
                .slice(0, 5)
                .map((r) => r.name)
                .join(', ')}
              {ended.length > 5 ? ', …' : ''}
            </Text>
            <Button size="compact-sm" variant="light" color="orange" onClick={() => navigate('/wajib-lapor?tab=berakhir')}>
              {t('caseload.openEnded')}
            </Button>
          </Group>
        </Alert>
      )}
      {atRisk && atRisk.length > 0 && (
        <Alert color="orange" title={t('home.atRisk', { count: atRisk.length })} data-testid="home-at-risk">
          <Stack gap={4}>
            {atRisk.slice(0, 10).map((r) => (
              <Text key={r.id} size="sm">
                <Link href={`/rujukan/${r.id}`}>{r.clientName}</Link>
                {` — ${r.partnerName}, ${t('referrals.agreementEnds', { number: r.agreementNumber ?? '', date: formatDate(r.agreementEnd ?? '', locale) })}`}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <TrendCards />
      {isParent && <OfficeCountsCard />}
      <Title order={4}>{t('home.byBidang')}</Title>
      <SimpleGrid cols={2}>
        {byBidang.map(({ b, n }) => (
          <Stat key={b} label={t(`bidang.${b}`)} value={n} onClick={() => navigate('/mitra')} />
        ))}
      </SimpleGrid>
      {session.can(WRITERS) && (
        <>
          <Title order={4}>{t('home.quick')}</Title>
          <Group>
            <Button onClick={() => navigate('/mitra/baru')}>{t('partners.add')}</Button>
            <Button variant="default" onClick={() => navigate('/klien/baru')}>
              {t('clients.add')}
            </Button>
            <Button variant="default" onClick={() => navigate('/pokmas')}>
              {t('pokmas.add')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
