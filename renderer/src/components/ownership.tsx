import { Alert, Text } from '@mantine/core';
import type { Method } from '../../../shared/contract';
import type { Owned } from '../../../shared/types';
import { useSession } from '../app/session';
import { useI18n } from '../i18n';

/**
 * May the signed-in user do this to the record: the role rule, and one writer per record. A post's
 * record at its Bapas induk (`ownedBy`, set by the main process, which refuses the writes anyway)
 * offers no edit, status or signing action at all, whatever the role.
 */
export function mayChange(session: { may(method: Method): boolean }, record: Owned | null | undefined, method: Method): boolean {
  return !record?.ownedBy && session.may(method);
}

/** `mayChange` for one record's detail page. */
export function useRecordAccess(record: Owned | null | undefined): { readonly readOnly: boolean; may(method: Method): boolean } {
  const session = useSession();
  return { readOnly: !!record?.ownedBy, may: (method) => mayChange(session, record, method) };
}

/** "Data milik Pos Bapas Curup; ubah di pos": shown on every page (or card, `compact`) of another office's record. */
export function OwnerNotice({ record, compact = false }: { record: Owned; compact?: boolean }) {
  const { t } = useI18n();
  if (!record.ownedBy) return null;
  const office = record.ownedBy.name;
  if (compact) {
    return (
      <Text size="xs" c="blue.8" data-testid="owner-notice">
        {t('records.readOnly', { office })}
      </Text>
    );
  }
  return (
    <Alert color="blue" variant="light" title={t('records.readOnly', { office })} data-testid="owner-notice">
      {t('records.readOnly.hint', { office })}
    </Alert>
  );
}
