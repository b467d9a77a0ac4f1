import { Table, Text } from '@mantine/core';
import { fieldLabel, readableValue, type ReadableRow, type Reader, type RecordNames } from '../../../shared/readableChanges';
import { fieldSpec } from '../../../shared/recordFields';
import type { FieldChange } from '../../../shared/types';
import { useOffice } from '../app/useOffice';
import { useI18n } from '../i18n';

/** The reader of shared/readableChanges.ts for this screen: the user's language, the office's zone. */
export function useReader(names: RecordNames): Reader {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  return { t, locale, zone, names };
}

/** Raw field changes of one record (as `partners.history` gives them) in words. */
export function readableRows(entity: string, changes: readonly FieldChange[], r: Reader): ReadableRow[] {
  return changes
    .filter((c) => fieldSpec(entity, c.field).kind.kind !== 'hidden')
    .map((c) => ({
      field: c.field,
      label: fieldLabel(entity, c.field, r),
      before: readableValue(entity, c.field, c.before, r),
      after: readableValue(entity, c.field, c.after, r),
    }));
}

/** Field-by-field before/after of one audit entry, labelled and formatted. */
export function ChangeTable({ rows }: { rows: readonly ReadableRow[] }) {
  const { t } = useI18n();
  if (rows.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  return (
    <Table mt={6} fz="xs" withRowBorders={false} data-testid="change-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="25%">{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td c="dimmed">{c.label}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.before}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
