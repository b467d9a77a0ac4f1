import { Button, Group, NumberInput, Paper, SimpleGrid, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BackupSettings } from '../../../../shared/backupPanel';
import { BackupSettingsInput } from '../../../../shared/schemas/backupPanel';
import { rangeOf } from '../../../../shared/schemas/limits';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call } from '../../rpc';
import { refreshBackups } from './shared';

const FIELDS = [
  ['hourly', 'backups.settings.hourly'],
  ['daily', 'backups.settings.daily'],
  ['monthly', 'backups.settings.monthly'],
  ['copyReminderDays', 'backups.settings.reminder'],
] as const satisfies readonly (readonly [keyof BackupSettings, string])[];

/** How many backups each tier keeps, and after how many days Home reminds of a copy elsewhere. */
export function RetentionCard({ settings, canEdit }: { settings: BackupSettings; canEdit: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const form = useForm<BackupSettings>({ initialValues: settings });
  const save = useMutation({
    mutationFn: (v: BackupSettings) => call('backups.saveSettings', v),
    onSuccess: (v) => {
      form.setValues(v);
      form.resetDirty(v);
      notifyOk(t('backups.settings.saved'));
      void refreshBackups(qc);
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('backups.settings.title')}
      </Title>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <SimpleGrid cols={4}>
          {FIELDS.map(([field, label]) => {
            const range = rangeOf(BackupSettingsInput.shape[field]);
            return (
              <NumberInput
                key={field}
                label={t(label)}
                min={range.min}
                max={range.max}
                allowDecimal={false}
                disabled={!canEdit}
                {...form.getInputProps(field)}
              />
            );
          })}
        </SimpleGrid>
        {canEdit && (
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('backups.settings.save')}
            </Button>
          </Group>
        )}
      </form>
    </Paper>
  );
}
