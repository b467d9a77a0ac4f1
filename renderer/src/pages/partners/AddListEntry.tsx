import { Modal, Stack, TextInput, defaultOptionsFilter, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../../shared/contract';
import { ServiceCreateInput } from '../../../../shared/schemas/partners';
import type { ServiceType } from '../../../../shared/types';
import { useSession } from '../../app/session';
import { DialogActions } from '../../components/DialogActions';
import { notifyOk, showError, zodValidate } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';

/** The value of the "add…" option a picker shows to those who may add to its list. */
export const ADD_OPTION = '__add__';

/** The lists an admin may add to from the partner form: each with its method, its query and its words. */
const LISTS = {
  services: { method: 'services.create', query: 'services.list', title: 'partners.services.addTitle', added: 'partners.services.added' },
  institutionTypes: {
    method: 'institutionTypes.create',
    query: 'institutionTypes.list',
    title: 'institutionTypes.addTitle',
    added: 'institutionTypes.added',
  },
} as const;
export type ListName = keyof typeof LISTS;

/** Whether the signed-in user may add to the list (the same role rule the main process applies). */
export function useMayAdd(list: ListName): boolean {
  return useSession().can(contract[LISTS[list].method].access);
}

/** Filters a picker's options by what was typed, always keeping the "add…" option at the end. */
export const keepAddOption: OptionsFilter = (input) => {
  const add = input.options.filter((o) => 'value' in o && o.value === ADD_OPTION);
  const rest = defaultOptionsFilter({ ...input, options: input.options.filter((o) => !('value' in o && o.value === ADD_OPTION)) });
  return [...rest, ...add];
};
export const addOption = (label: string): ComboboxItem => ({ value: ADD_OPTION, label });

/**
 * Adds an entry to a list from the picker that offers it: the Indonesian name (prefilled with
 * what was typed in the picker) and the English one. The new entry is handed back for the picker
 * to select.
 */
export function AddListEntry({
  list,
  initial,
  onClose,
  onAdded,
}: {
  list: ListName;
  initial: string | null;
  onClose: () => void;
  onAdded: (s: ServiceType) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const spec = LISTS[list];
  const form = useForm({ mode: 'controlled', initialValues: { labelId: initial ?? '', labelEn: '' }, validate: zodValidate(ServiceCreateInput, t) });
  const add = useMutation({
    mutationFn: (values: { labelId: string; labelEn: string }) => call(spec.method, values),
    onSuccess: async (created) => {
      await qc.invalidateQueries({ queryKey: [spec.query] });
      notifyOk(t(spec.added, { name: created.labelId }));
      onAdded(created);
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened={initial !== null} onClose={onClose} title={t(spec.title)} centered>
      <form onSubmit={form.onSubmit((v) => add.mutate(v))}>
        <Stack>
          <TextInput label={t('lists.labelId')} withAsterisk data-autofocus {...form.getInputProps('labelId')} />
          <TextInput label={t('lists.labelEn')} withAsterisk description={t('lists.labelEn.hint')} {...form.getInputProps('labelEn')} />
          <DialogActions onCancel={onClose} loading={add.isPending} label={t('lists.add')} />
        </Stack>
      </form>
    </Modal>
  );
}
