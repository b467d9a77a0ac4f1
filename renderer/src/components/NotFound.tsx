import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../i18n';

/** Any address the app does not know: said plainly, with the way home. */
export function NotFound() {
  const { t } = useI18n();
  const [path] = useLocation();
  return (
    <Stack maw={600} gap="sm" data-testid="not-found">
      <Title order={2}>{t('nav.notFound.title')}</Title>
      <Text c="dimmed">{t('nav.notFound.body', { path })}</Text>
      <div>
        <Button component={Link} href="/">
          {t('nav.notFound.home')}
        </Button>
      </div>
    </Stack>
  );
}
