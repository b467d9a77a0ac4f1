import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { InputOf } from '../../../shared/contract';
import { call } from '../rpc';

/**
 * Partners for a picker: the rows and their Select options, by name (with the kabupaten where the
 * user picks one for a record, as names repeat across kabupaten). One query per filter, shared by
 * every screen that asks for the same partners.
 */
export function usePartnerOptions(filter: Omit<InputOf<'partners.list'>, 'limit'>, opts: { withRegency?: boolean } = {}) {
  const list = useQuery({ queryKey: ['partners.list', 'options', filter], queryFn: () => call('partners.list', { ...filter, limit: 1000 }) });
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const options = useMemo(
    () => rows.map((p) => ({ value: p.id, label: opts.withRegency && p.regencyName ? `${p.name} (${p.regencyName})` : p.name })),
    [rows, opts.withRegency],
  );
  return { rows, options };
}
