import { Button, Group } from '@mantine/core';
import { useI18n } from '../i18n';

/** The footer of every form dialog: "Batal" and the submit button (Enter submits). */
export function DialogActions({ onCancel, loading, label, color }: { onCancel: () => void; loading: boolean; label?: string; color?: string }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} {...(color ? { color } : {})}>
        {label ?? t('common.save')}
      </Button>
    </Group>
  );
}
