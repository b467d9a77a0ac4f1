import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { TimeZoneCode } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { LoginInput } from '../../../shared/schemas/auth';
import { authErrorText } from '../components/authMessages';
import { zodValidate } from '../components/forms';
import { useSession } from '../app/session';
import { useI18n } from '../i18n';
import { call } from '../rpc';
import { LanguageSwitch } from '../components/LanguageSwitch';

export function Login({ officeName, timeZone, notice }: { officeName: string | null; timeZone: TimeZoneCode; notice?: string | undefined }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const form = useForm({ initialValues: { username: '', password: '' }, validate: zodValidate(LoginInput, t) });
  const login = useMutation({
    mutationFn: (v: { username: string; password: string }) => call('auth.login', v),
    onSuccess: (s) => session.signedIn(s),
    onError: () => form.setFieldValue('password', ''),
  });
  const message = login.error instanceof AppError ? authErrorText(login.error, { t, locale }, timeZone) : null;

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder p="xl" radius="md" w={400}>
        <form onSubmit={form.onSubmit((v) => login.mutate(v))}>
          <Stack>
            <div>
              <Title order={2}>{t('app.name')}</Title>
              <Text c="dimmed">{officeName ?? t('app.tagline')}</Text>
            </div>
            {notice && <Alert color="teal">{notice}</Alert>}
            <TextInput label={t('auth.username')} autoComplete="username" data-autofocus autoFocus {...form.getInputProps('username')} />
            <PasswordInput label={t('auth.password')} autoComplete="current-password" {...form.getInputProps('password')} />
            {message && (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            )}
            <Button type="submit" loading={login.isPending}>
              {t('auth.login')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
