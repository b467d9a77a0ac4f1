import type { QueryClient } from '@tanstack/react-query';
import type { useI18n } from '../../i18n';

type T = ReturnType<typeof useI18n>['t'];

/** "9 hari lalu" / "hari ini": whole days since `iso`. */
export function daysAgo(t: T, iso: string, now: Date = new Date()): string {
  const days = Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000);
  return days <= 0 ? t('backups.today') : t('backups.daysAgo', { count: days });
}

/** Every backup query starts with 'backups.': one invalidation refreshes the panel and Home. */
export const refreshBackups = (qc: QueryClient) => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('backups.') });
