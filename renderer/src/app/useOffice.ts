import { useQuery } from '@tanstack/react-query';
import type { TimeZoneCode } from '../../../shared/domain';
import { call } from '../rpc';

/** The office settings every signed-in user may read; the time zone drives every displayed time. */
export function useOffice() {
  const q = useQuery({ queryKey: ['settings.get'], queryFn: () => call('settings.get', {}), staleTime: Infinity });
  return { settings: q.data ?? null, zone: (q.data?.office.timeZone ?? 'WIB') as TimeZoneCode };
}
