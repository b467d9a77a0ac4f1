import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../rpc';

type Option = { readonly value: string; readonly label: string };

/**
 * What a PK picker offers: the officers who may act as PK (`users.officers`: active petugas and
 * admins, the rule in shared/roles.ts), plus anyone the record already names, so an old record shows
 * its PK by name and the main process's refusal on save points at a visible field.
 */
export function usePkOptions(selected: readonly (string | null)[]): Option[] {
  const officers = useQuery({ queryKey: ['users.officers'], queryFn: () => call('users.officers', {}) });
  const offered = officers.data ?? [];
  const others = selected.filter((id): id is string => id !== null && !offered.some((u) => u.id === id));
  const names = useQuery({ queryKey: ['users.names'], queryFn: () => call('users.names', {}), enabled: others.length > 0 });
  return [
    ...offered.map((u) => ({ value: u.id, label: u.name })),
    ...others.map((id) => ({ value: id, label: names.data?.find((u) => u.id === id)?.name ?? '…' })),
  ];
}

/** The one PK picker of a record (client, referral). */
export function PkSelect(props: Omit<SelectProps, 'data'> & { value?: string | null }) {
  const data = usePkOptions([props.value ?? null]);
  return <Select clearable searchable {...props} data={data} />;
}

/** The officers of an activity: the same people a PK picker offers. */
export function PkMultiSelect(props: Omit<MultiSelectProps, 'data'> & { value?: string[] }) {
  const data = usePkOptions(props.value ?? []);
  return <MultiSelect searchable {...props} data={data} />;
}
