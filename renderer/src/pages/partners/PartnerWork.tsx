import { Badge, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { formatDate } from '../../../../shared/format';
import { REFERRAL_STATUS_COLOR } from '../../components/labels';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';

const SHOWN = 50;

/**
 * What the partner does with the office: the clients referred to it and its activities, newest
 * first. Each list says when it shows only the latest rows and links to the full register.
 */
export function PartnerWork({ partnerId }: { partnerId: string }) {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const referrals = useQuery({
    queryKey: ['referrals.list', 'partner', partnerId],
    queryFn: () => call('referrals.list', { partnerId, limit: SHOWN + 1 }),
  });
  const activities = useQuery({
    queryKey: ['activities.list', 'partner', partnerId],
    queryFn: () => call('activities.list', { partnerId, limit: SHOWN + 1 }),
  });
  const refRows = referrals.data ?? [];
  const actRows = activities.data ?? [];
  const more = (n: number) =>
    n > SHOWN && (
      <Text size="xs" c="dimmed" mt={4}>
        {t('partners.latestOnly', { n: SHOWN })}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Paper withBorder p="md" data-testid="partner-referrals">
        <Title order={4} mb="xs">
          {t('partners.referredClients', { count: refRows.length > SHOWN ? `${SHOWN}+` : refRows.length })}
        </Title>
        {refRows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('partners.noReferrals')}
          </Text>
        ) : (
          <Table fz="sm" highlightOnHover>
            <Table.Tbody>
              {refRows.slice(0, SHOWN).map((r) => (
                <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/rujukan/${r.id}`)}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.date, locale)}</Table.Td>
                  <Table.Td>
                    {r.clientName}
                    <Text size="xs" c="dimmed">
                      {r.clientRegister}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={REFERRAL_STATUS_COLOR[r.status]} variant="light">
                      {t(`referralStatus.${r.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {more(refRows.length)}
        {refRows.length > 0 && (
          <Text size="xs" mt={4}>
            <Link href="/rujukan">{t('nav.referrals')}</Link>
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md" data-testid="partner-activities">
        <Title order={4} mb="xs">
          {t('partners.activitiesOf', { count: actRows.length > SHOWN ? `${SHOWN}+` : actRows.length })}
        </Title>
        {actRows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('partners.noActivities')}
          </Text>
        ) : (
          <Table fz="sm" highlightOnHover>
            <Table.Tbody>
              {actRows.slice(0, SHOWN).map((a) => (
                <Table.Tr key={a.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/kegiatan/${a.id}`)}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.date, locale)}</Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{t(`activityType.${a.type}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {more(actRows.length)}
      </Paper>
    </SimpleGrid>
  );
}
