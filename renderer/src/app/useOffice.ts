import { useQuery } from '@tanstack/react-query';
import type { TimeZoneCode } from '../../../shared/domain';
import { localDateOf } from '../../../shared/format';
import { call } from '../rpc';

/** The office settings every signed-in user may read; the time zone drives every displayed time. */
export function useOffice() {
  const q = useQuery({ queryKey: ['settings.get'], queryFn: () => call('settings.get', {}), staleTime: Infinity });
  return { settings: q.data ?? null, zone: (q.data?.office.timeZone ?? 'WIB') as TimeZoneCode };
}

/**
 * Today's date in the office's time zone (YYYY-MM-DD): the default of every date field and the
 * start of every "from today" list. Never the UTC date, which at 02:00 WIB is still yesterday.
 */
export function useOfficeToday(): string {
  return localDateOf(new Date(), useOffice().zone);
}
