import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { InputOf } from '../../../shared/contract';
import type { PartnerRow } from '../../../shared/types';
import { useI18n } from '../i18n';
import { call } from '../rpc';
import { useDebounced } from './useDebounced';

/** The most partners a picker loads at once; beyond it, what is typed is searched by the main process. */
export const PICKER_LIMIT = 1000;

/**
 * Partners for a picker: the rows and their Select options, by name (with the kabupaten where the
 * user picks one for a record, as names repeat across kabupaten). One query per filter and search,
 * shared by every screen that asks for the same partners. Never a silent cap: when the office has
 * more partners than one load holds, `capNote` says so and what is typed in the picker
 * (`pickerProps.onSearchChange`) is searched on the server among all of them.
 */
export function usePartnerOptions(filter: Omit<InputOf<'partners.list'>, 'limit'>, opts: { withRegency?: boolean } = {}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 200);
  const list = useQuery({
    queryKey: ['partners.list', 'options', filter, q],
    queryFn: () => call('partners.list', { ...filter, q, limit: PICKER_LIMIT }),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const total = list.data?.total ?? 0;
  // Partners seen before stay choosable (and a chosen one keeps its label) while another search runs.
  const seen = useRef(new Map<string, PartnerRow>());
  const options = useMemo(() => {
    for (const p of rows) seen.current.set(p.id, p);
    const label = (p: PartnerRow) => (opts.withRegency && p.regencyName ? `${p.name} (${p.regencyName})` : p.name);
    return [...seen.current.values()].map((p) => ({ value: p.id, label: label(p) }));
  }, [rows, opts.withRegency]);
  const capped = total > rows.length;
  const capNote = capped ? t('picker.capped', { shown: rows.length, total }) : undefined;
  return {
    rows: [...seen.current.values()],
    options,
    total,
    capped,
    capNote,
    /** Spread on a Select or MultiSelect: server search as the user types, and the cap said out loud. */
    pickerProps: { data: options, searchable: true, onSearchChange: setSearch, ...(capNote ? { description: capNote } : {}) },
  };
}
