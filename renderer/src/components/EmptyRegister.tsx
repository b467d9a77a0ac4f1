import { Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { WRITERS } from '../../../shared/contract';
import type { MessageKey } from '../../../shared/i18n/id';
import { useSession } from '../app/session';
import { useI18n } from '../i18n';
import { call } from '../rpc';

/** Each register: how to count all its records (no filter, archived included), what to say, and where to add one. */
const REGISTERS = {
  partners: {
    size: () => call('partners.list', { archived: 'all', limit: 1 }).then((r) => r.total),
    text: 'partners.empty',
    add: 'partners.addFirst',
    href: '/mitra/baru',
  },
  clients: { size: () => call('clients.list', { limit: 1 }).then((r) => r.total), text: 'clients.empty', add: 'clients.addFirst', href: '/klien/baru' },
  agreements: { size: () => call('agreements.list', {}).then((r) => r.length), text: 'agreements.empty', add: 'agreements.addFirst', href: '/pks/baru' },
  activities: {
    size: () => call('activities.list', { limit: 1 }).then((r) => r.length),
    text: 'activities.empty',
    add: 'activities.addFirst',
    href: '/kegiatan/baru',
  },
  // A referral is made from its client's page: the way to the first one is the client list.
  referrals: {
    size: () => call('referrals.list', { limit: 1 }).then((r) => r.length),
    text: 'referrals.empty',
    add: 'referrals.addFirst',
    href: '/klien',
  },
} satisfies Record<string, { size: () => Promise<number>; text: MessageKey; add: MessageKey; href: string }>;

/**
 * An empty list means one of two things, and the officer needs to know which: the register holds
 * nothing yet ("Belum ada mitra", with the way to add the first), or the filter matches nothing
 * (the table's own "no match"). Only when no row is shown is the register's size asked for.
 * Returns what the table shows instead of "no match", or undefined.
 */
export function useEmptyRegister(register: keyof typeof REGISTERS, shown: number | undefined): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const r = REGISTERS[register];
  const size = useQuery({ queryKey: ['registerSize', register], queryFn: r.size, enabled: shown === 0, staleTime: 0 });
  if (shown !== 0 || size.data !== 0) return undefined;
  return (
    <Stack align="center" gap="sm" data-testid="register-empty">
      <Text fw={500}>{t(r.text)}</Text>
      {session.can(WRITERS) && (
        <Button leftSection={<IconPlus size={16} />} onClick={() => navigate(r.href)}>
          {t(r.add)}
        </Button>
      )}
    </Stack>
  );
}
