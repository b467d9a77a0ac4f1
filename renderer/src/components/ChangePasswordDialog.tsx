import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/contract';
import { ChangePasswordInput } from '../../../shared/schemas/auth';
import { DialogActions } from './DialogActions';
import { notifyOk, showError, zodValidate } from './forms';
import { useI18n } from '../i18n';
import { call } from '../rpc';

type Values = InputOf<'auth.changePassword'>;

/**
 * One's own password, from the user menu. The rules for the new one are the schema the main
 * process applies (auth.changePassword); other sessions of this user end when it is changed.
 */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const form = useForm<Values>({
    initialValues: { current: '', password: '', passwordConfirm: '' },
    validate: zodValidate(ChangePasswordInput, t),
  });
  const change = useMutation({
    mutationFn: (v: Values) => call('auth.changePassword', v),
    onSuccess: () => {
      notifyOk(t('auth.passwordChanged'));
      onClose();
    },
    onError: (e) => showError(e, t, form as never),
  });
  return (
    <Modal opened onClose={onClose} title={t('auth.changePassword')}>
      <form onSubmit={form.onSubmit((v) => change.mutate(v))}>
        <Stack>
          <PasswordInput label={t('auth.currentPassword')} autoComplete="current-password" data-autofocus {...form.getInputProps('current')} />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.newPassword.hint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput label={t('setup.passwordConfirm')} autoComplete="new-password" {...form.getInputProps('passwordConfirm')} />
          <Text size="xs" c="dimmed">
            {t('auth.changePassword.otherSessions')}
          </Text>
          <DialogActions onCancel={onClose} loading={change.isPending} label={t('auth.changePassword')} />
        </Stack>
      </form>
    </Modal>
  );
}
