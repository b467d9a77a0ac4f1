import { Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { SetupInputT } from '../../../shared/schemas/setup';
import { useI18n } from '../i18n';

/** The head of office, who signs the office's letters (the surat pengantar, and the PKS by default). */
export function HeadFields({ form, officeName }: { form: UseFormReturnType<SetupInputT>; officeName: string }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm" mt="md">
      <Text size="sm" c="dimmed">
        {t('setup.head.hint')}
      </Text>
      <TextInput label={t('settings.headName')} {...form.getInputProps('office.headName')} />
      <Group grow align="flex-start">
        <TextInput label={t('settings.headNip')} inputMode="numeric" {...form.getInputProps('office.headNip')} />
        <TextInput
          label={t('settings.headPosition')}
          placeholder={officeName ? `Kepala ${officeName}` : undefined}
          {...form.getInputProps('office.headPosition')}
        />
      </Group>
    </Stack>
  );
}
