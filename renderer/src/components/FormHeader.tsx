import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import type { Owned } from '../../../shared/types';
import { useI18n } from '../i18n';
import { useLeaveGuard } from './leaveGuard';
import { OwnerNotice } from './ownership';

/** Title of a full-page form; its Batal and Simpan are in the EditorForm's action bar. `record`: the record edited, whose owner it names when another office keeps it. */
export function FormHeader({ title, record }: { title: string; record?: Owned | null }) {
  if (!record?.ownedBy) return <Title order={2}>{title}</Title>;
  return (
    <Stack gap="sm">
      <Title order={2}>{title}</Title>
      <OwnerNotice record={record} />
    </Stack>
  );
}

/**
 * A full-page editor: its fields, and an action bar (Batal, Simpan) that stays in view at the
 * bottom of the screen however long the form is. Ctrl+S submits it (see formKeys.ts), and
 * leaving it with unsaved changes asks first: `release` from useEditorGuard must be called after
 * a save, before navigating away.
 */
export function EditorForm({
  onSubmit,
  onCancel,
  saving,
  children,
  maw = 1000,
  record,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  saving: boolean;
  children: ReactNode;
  maw?: number;
  /** Another office's record (reached by its address) cannot be saved here: Simpan is off. */
  record?: Owned | null;
}) {
  return (
    // noValidate: the schema says what is wrong, in the user's language, on the field (not a browser bubble).
    <form onSubmit={onSubmit} data-editor noValidate>
      {children}
      <FormActions onCancel={onCancel} saving={saving} maw={maw} disabled={!!record?.ownedBy} />
    </form>
  );
}

/** The sticky bar with the form's Batal (optional) and Simpan (its submit) buttons. */
export function FormActions({ onCancel, saving, maw = 1000, disabled = false }: { onCancel?: () => void; saving: boolean; maw?: number; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <Paper
      withBorder
      p="sm"
      mt="md"
      maw={maw}
      data-testid="form-actions"
      style={{ position: 'sticky', bottom: 0, zIndex: 5, boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.06)' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('forms.saveHint')}
        </Text>
        <Group wrap="nowrap">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving} disabled={disabled}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** The leave guard for a Mantine form: dirty while its values differ from those it was opened with. */
export function useEditorGuard(form: { isDirty: () => boolean }): () => void {
  return useLeaveGuard(() => form.isDirty());
}
