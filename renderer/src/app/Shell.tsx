import { AppShell, Badge, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import {
  IconArrowRightCircle,
  IconBuildingCommunity,
  IconCalendarCheck,
  IconCalendarEvent,
  IconFileCertificate,
  IconChevronDown,
  IconHome,
  IconKey,
  IconLock,
  IconLogout,
  IconPackageExport,
  IconPackageImport,
  IconReportAnalytics,
  IconSearch,
  IconQrcode,
  IconDatabase,
  IconSettings,
  IconShieldCheck,
  IconUserCheck,
  IconUsers,
  IconUsersGroup,
  IconBook,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { contract } from '../../../shared/contract';
import type { OfficeKind } from '../../../shared/domain';
import { ChangePasswordDialog } from '../components/ChangePasswordDialog';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';
import { useSession } from './session';
import { useOffice } from './useOffice';
import { CommandPalette } from './CommandPalette';

interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly method: keyof typeof contract;
  /** Shown only at this kind of office (a post sends bundles, its parent receives them). */
  readonly office?: OfficeKind;
}

/** Sidebar sections, each shown only to roles that may call the method behind it (same table as the main process). */
function useNav(): NavItem[] {
  const { t } = useI18n();
  const session = useSession();
  const kind = useOffice().settings?.office.kind;
  const items: NavItem[] = [
    { href: '/', label: t('nav.home'), icon: <IconHome size={18} />, method: 'partners.list' },
    { href: '/mitra', label: t('nav.partners'), icon: <IconBuildingCommunity size={18} />, method: 'partners.list' },
    { href: '/klien', label: t('nav.clients'), icon: <IconUserCheck size={18} />, method: 'clients.list' },
    { href: '/rujukan', label: t('nav.referrals'), icon: <IconArrowRightCircle size={18} />, method: 'referrals.list' },
    { href: '/wajib-lapor', label: t('nav.reporting'), icon: <IconCalendarCheck size={18} />, method: 'checkins.overdue' },
    { href: '/kegiatan', label: t('nav.activities'), icon: <IconCalendarEvent size={18} />, method: 'activities.list' },
    { href: '/pks', label: t('nav.agreements'), icon: <IconFileCertificate size={18} />, method: 'agreements.list' },
    { href: '/pokmas', label: t('nav.pokmas'), icon: <IconUsersGroup size={18} />, method: 'pokmas.list' },
    { href: '/laporan', label: t('nav.reports'), icon: <IconReportAnalytics size={18} />, method: 'reports.compute' },
    { href: '/buku-register', label: t('nav.books'), icon: <IconBook size={18} />, method: 'registers.clients' },
    { href: '/verifikasi', label: t('nav.verify'), icon: <IconQrcode size={18} />, method: 'documents.verify' },
    { href: '/kirim', label: t('nav.send'), icon: <IconPackageExport size={18} />, method: 'bundles.export', office: 'pos' },
    { href: '/terima', label: t('nav.receive'), icon: <IconPackageImport size={18} />, method: 'bundles.apply', office: 'induk' },
    { href: '/pengguna', label: t('nav.users'), icon: <IconUsers size={18} />, method: 'users.list' },
    { href: '/audit', label: t('nav.audit'), icon: <IconShieldCheck size={18} />, method: 'audit.list' },
    { href: '/kunci', label: t('nav.keys'), icon: <IconKey size={18} />, method: 'keys.own' },
    { href: '/pengaturan', label: t('nav.settings'), icon: <IconSettings size={18} />, method: 'settings.update' },
    { href: '/pengaturan/cadangan', label: t('nav.backups'), icon: <IconDatabase size={18} />, method: 'backups.list' },
  ];
  return items.filter((i) => session.can(contract[i.method].access) && (i.office === undefined || i.office === kind));
}

export function Shell({ officeName, children }: { officeName: string; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const [location] = useLocation();
  const nav = useNav();
  const user = session.user;
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={700}>{t('app.name')}</Text>
            <Text c="dimmed" size="sm" truncate>
              {officeName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <UnstyledButton onClick={() => Spotlight.open()} aria-label={t('nav.palette')}>
              <Group gap={6} px="sm" py={4} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}>
                <IconSearch size={14} />
                <Text size="sm" c="dimmed">
                  {t('nav.palette')}
                </Text>
              </Group>
            </UnstyledButton>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('common.user')} data-testid="user-menu">
                  <Group gap={6} wrap="nowrap">
                    <Stack gap={0} align="flex-end">
                      <Text size="sm" fw={500}>
                        {user?.name}
                      </Text>
                      <Badge size="xs" variant="light">
                        {user ? t(`role.${user.role}`) : ''}
                      </Badge>
                    </Stack>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('common.language')}</Menu.Label>
                <div style={{ padding: '0 8px 8px' }}>
                  <LanguageSwitch />
                </div>
                <Menu.Divider />
                <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChangingPassword(true)}>
                  {t('auth.changePassword')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLock size={16} />} onClick={session.lock}>
                  {t('auth.lockNow')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void session.signOut()}>
                  {t('auth.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {nav.map((item) => (
          <NavLink
            key={item.href}
            component={Link}
            href={item.href}
            label={item.label}
            leftSection={item.icon}
            active={
              item.href === '/'
                ? location === '/'
                : location.startsWith(item.href) &&
                  !nav.some((o) => o.href.length > item.href.length && o.href.startsWith(item.href) && location.startsWith(o.href))
            }
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
      <CommandPalette />
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </AppShell>
  );
}
