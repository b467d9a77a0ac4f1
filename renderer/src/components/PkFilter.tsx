import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n';
import { call } from '../rpc';

/**
 * The "PK penanggung jawab" filter of the client list, the overdue list and the referral register:
 * officers by name, from the one `users.names` query every screen shares.
 */
export function PkFilter({ value, onChange, w, testId }: { value: string | null; onChange: (v: string | null) => void; w: number; testId?: string }) {
  const { t } = useI18n();
  const officers = useQuery({ queryKey: ['users.names'], queryFn: () => call('users.names', {}) });
  return (
    <Select
      aria-label={t('clients.pk')}
      placeholder={t('clients.pk')}
      clearable
      searchable
      data={(officers.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      value={value}
      onChange={onChange}
      w={w}
      data-testid={testId}
    />
  );
}
