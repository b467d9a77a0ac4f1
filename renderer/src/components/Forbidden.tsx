import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Access } from '../../../shared/contract';
import { useSession } from '../app/session';
import { useI18n } from '../i18n';

/** Renders children only for these roles. The main process refuses the calls anyway; this is for clarity. */
export function RequireRole({ roles, children }: { roles: Access; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  if (!session.can(roles)) {
    return (
      <Alert color="red" title={t('auth.forbidden.title')} data-testid="forbidden">
        {t('auth.forbidden.body')}
      </Alert>
    );
  }
  return <>{children}</>;
}
