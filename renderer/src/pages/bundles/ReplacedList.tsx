import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { fieldLabel, readableValue } from '../../../../shared/readableChanges';
import { fieldSpec } from '../../../../shared/recordFields';
import type { BundleInspection } from '../../../../shared/types';
import { useReader } from '../../components/ChangeTable';
import { useI18n } from '../../i18n';
import { tableLabel } from './shared';

/**
 * What a checked bundle replaces at the parent, before "Terima": each record by its name, the
 * fields that change by their labels (the audit log's), with the values where they read as words;
 * the records the parent itself edited first, marked, since that edit gives way to the post's.
 */
export function ReplacedList({ bundle }: { bundle: BundleInspection }) {
  const { t } = useI18n();
  const reader = useReader({});
  if (bundle.replacedTotal === 0) return null;
  const more = bundle.replacedTotal - bundle.replaced.length;
  return (
    <Paper withBorder p="xs" mt="sm" bg="gray.0" data-testid="bundle-replaced">
      <Text size="sm" fw={600}>
        {t('bundles.replaced.title', { count: bundle.replacedTotal })}
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        {t('bundles.replaced.hint')}
      </Text>
      <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
        <Stack gap={6}>
          {bundle.replaced.map((r, i) => (
            <div key={i} data-testid="replaced-record">
              <Group gap={6} wrap="nowrap" align="baseline">
                <Badge size="sm" variant="light" color="gray" tt="none" radius="sm" style={{ flexShrink: 0 }}>
                  {tableLabel(t, r.table)}
                </Badge>
                <Text size="sm" fw={500} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {r.name}
                </Text>
                {r.editedHere && (
                  <Badge size="sm" variant="light" color="orange" tt="none" radius="sm" style={{ flexShrink: 0 }}>
                    {t('bundles.replaced.editedHere')}
                  </Badge>
                )}
              </Group>
              {r.fields.map((f) => (
                <Text key={f.field} size="xs" pl="md" style={{ overflowWrap: 'anywhere' }}>
                  <Text span size="xs" c="dimmed">
                    {fieldLabel(r.entity, f.field, reader)}
                  </Text>
                  {/* A reference reads as a name only with a lookup: the label alone says what changes. */}
                  {fieldSpec(r.entity, f.field).kind.kind !== 'ref' &&
                    `: ${readableValue(r.entity, f.field, f.before, reader)} → ${readableValue(r.entity, f.field, f.after, reader)}`}
                </Text>
              ))}
              {r.children.length > 0 && (
                <Text size="xs" pl="md" c="dimmed">
                  {t('bundles.replaced.children', { tables: r.children.map((c) => tableLabel(t, c)).join(', ') })}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      {more > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('bundles.replaced.more', { count: more })}
        </Text>
      )}
    </Paper>
  );
}
