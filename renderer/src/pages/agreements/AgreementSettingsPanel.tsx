import { Button, Group, NumberInput, Paper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementSettings } from '../../../../shared/types';
import { localDateOf } from '../../../../shared/format';
import { AgreementSettingsInput } from '../../../../shared/schemas/agreements';
import { useOffice } from '../../app/useOffice';
import { notifyOk, showError, zodValidate } from '../../components/forms';
import { useDebounced } from '../../components/useDebounced';
import { rangeOf } from '../../../../shared/schemas/limits';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';

/** Pengaturan → Penomoran PKS: the number template (with the next number it gives) and the "akan berakhir" warning days. */
export function AgreementSettingsPanel() {
  const current = useQuery({ queryKey: ['agreements.settings'], queryFn: () => call('agreements.settings', {}) });
  return current.data ? <AgreementSettingsForm settings={current.data} /> : null;
}

function AgreementSettingsForm({ settings }: { settings: AgreementSettings }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { zone } = useOffice();
  const form = useForm<AgreementSettings>({ initialValues: settings, validate: zodValidate(AgreementSettingsInput, t) });
  const template = useDebounced(form.values.numberTemplate, 250);
  const preview = useQuery({
    queryKey: ['agreements.previewNumber', template],
    queryFn: () => call('agreements.previewNumber', { date: localDateOf(new Date(), zone), template }),
    enabled: template.trim() !== '',
  });
  const save = useMutation({
    mutationFn: (v: AgreementSettings) => call('agreements.updateSettings', v),
    onSuccess: (s) => {
      qc.setQueryData(['agreements.settings'], s);
      // Statuses ("akan berakhir") and the next number depend on these settings.
      void qc.invalidateQueries({ queryKey: ['agreements.list'] });
      void qc.invalidateQueries({ queryKey: ['agreements.previewNumber'] });
      form.resetDirty(s);
      notifyOk(t('settings.saved'));
    },
    onError: (e) => showError(e, t, form as never),
  });
  const unknown = preview.data?.unknownTokens ?? [];
  return (
    <Paper withBorder p="md" data-testid="agreement-settings">
      <Title order={4} mb="sm">
        {t('agreements.numberSettings')}
      </Title>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Group align="flex-start" grow>
          <TextInput label={t('agreements.numberTemplate')} description={t('agreements.numberTemplate.hint')} {...form.getInputProps('numberTemplate')} />
          <NumberInput
            label={t('agreements.warnDays')}
            {...rangeOf(AgreementSettingsInput.shape.warnDays)}
            allowDecimal={false}
            {...form.getInputProps('warnDays')}
          />
        </Group>
        <Group justify="space-between" mt="sm">
          <Text size="sm" c={unknown.length ? 'red' : 'dimmed'} data-testid="settings-number-preview">
            {unknown.length
              ? t('agreements.unknownTokens', { tokens: unknown.map((x) => `{${x}}`).join(', ') })
              : preview.data?.number
                ? t('agreements.numberPreview', { number: preview.data.number })
                : ''}
          </Text>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
