import { Button, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { AppError } from '../../../shared/errors';
import { authErrorText } from '../components/authMessages';
import { useI18n } from '../i18n';
import { call } from '../rpc';
import { useOffice } from './useOffice';
import { useSession } from './session';

/** Covers the app while the session is locked; the app underneath stays mounted with its open forms. */
export function LockOverlay() {
  const { t, locale } = useI18n();
  const session = useSession();
  const { zone } = useOffice();
  const form = useForm({ initialValues: { password: '' } });
  const unlock = useMutation({
    mutationFn: (password: string) => call('auth.unlock', { password }),
    onSuccess: (s) => {
      form.reset();
      session.signedIn(s);
    },
    onError: (e) => {
      form.setFieldValue('password', '');
      if (e instanceof AppError && e.code === 'UNAUTHENTICATED') void session.signOut();
      else form.setFieldError('password', authErrorText(e, { t, locale }, zone));
    },
  });
  return (
    <Modal
      opened={session.locked}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('auth.locked.title')}
      overlayProps={{ backgroundOpacity: 0.85, blur: 6 }}
      centered
    >
      <form onSubmit={form.onSubmit((v) => unlock.mutate(v.password))}>
        <Stack>
          <Text size="sm">{session.lockedForIdle ? t('auth.locked.body', { minutes: session.idleLockMinutes }) : t('auth.locked.manual')}</Text>
          <Text size="sm" fw={500}>
            {session.user?.name} ({session.user?.username})
          </Text>
          <PasswordInput label={t('auth.password')} autoComplete="current-password" data-autofocus {...form.getInputProps('password')} />
          <Button type="submit" loading={unlock.isPending}>
            {t('auth.unlock')}
          </Button>
          <Button variant="subtle" onClick={() => void session.signOut()}>
            {t('auth.logout')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
