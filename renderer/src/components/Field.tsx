import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A read-only labelled value on a detail page; an empty value shows as a dash. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}
