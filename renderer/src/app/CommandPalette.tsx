import { Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { formatDate } from '../../../shared/format';
import { useDebounced } from '../components/useDebounced';
import { useI18n } from '../i18n';
import { call } from '../rpc';

const EACH = 6;

/**
 * Ctrl+K: find a partner, a client or an agreement by any part of what the lists search, and jump
 * to it. Clients go through `clients.list`, so the NIK is matched and shown masked exactly as the
 * client list does for the caller's role.
 */
export function CommandPalette() {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const q = useDebounced(query, 150);
  const enabled = q.trim().length > 0;
  const partners = useQuery({ queryKey: ['palette.partners', q], queryFn: () => call('partners.list', { q, limit: EACH }), enabled });
  const clients = useQuery({ queryKey: ['palette.clients', q], queryFn: () => call('clients.list', { q, limit: EACH }), enabled });
  const agreements = useQuery({ queryKey: ['palette.agreements', q], queryFn: () => call('agreements.list', { q }), enabled });
  const partnerRows = partners.data?.rows ?? [];
  const clientRows = clients.data?.rows ?? [];
  const agreementRows = (agreements.data ?? []).slice(0, EACH);
  const settled = !partners.isFetching && !clients.isFetching && !agreements.isFetching;
  const none = enabled && settled && partnerRows.length + clientRows.length + agreementRows.length === 0;
  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={480}>
      <Spotlight.Search placeholder={t('nav.palette')} leftSection={<IconSearch size={18} />} />
      <Spotlight.ActionsList>
        {partnerRows.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.partners')}>
            {partnerRows.map((p) => (
              <Spotlight.Action
                key={p.id}
                label={p.name}
                description={[p.regencyName, t(`status.${p.status}`)].filter(Boolean).join(' · ')}
                onClick={() => navigate(`/mitra/${p.id}`)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {clientRows.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.clients')}>
            {clientRows.map((c) => (
              <Spotlight.Action
                key={c.id}
                label={c.name}
                description={[c.registerNumber, c.nik, t(`program.${c.program}`)].filter(Boolean).join(' · ')}
                onClick={() => navigate(`/klien/${c.id}`)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {agreementRows.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.agreements')}>
            {agreementRows.map((a) => (
              <Spotlight.Action
                key={a.id}
                label={a.officeNumber ?? `${t('agreements.unnumbered')} · ${a.partnerName}`}
                description={[a.partnerName, a.subject, `${t('agreements.endDate')} ${formatDate(a.endDate, locale)}`].join(' · ')}
                onClick={() => navigate(`/pks/${a.id}`)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {none && <Spotlight.Empty>{t('nav.paletteEmpty')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
