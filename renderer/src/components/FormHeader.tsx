import { Button, Group, Title } from '@mantine/core';
import { useI18n } from '../i18n';

/** Title of a full-page form with its "Batal" and "Simpan" buttons (the form's submit). */
export function FormHeader({ title, onCancel, saving }: { title: string; onCancel: () => void; saving: boolean }) {
  const { t } = useI18n();
  return (
    <Group justify="space-between">
      <Title order={2}>{title}</Title>
      <Group>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Group>
    </Group>
  );
}
