import { Text } from '@mantine/core';
import type { ColumnHelper } from '@tanstack/react-table';

/**
 * The "Kantor" column of a list at a Bapas induk, which holds its posts' records too: whose each
 * record is. None at a Pos Bapas, where every record is its own.
 */
export function officeColumns<T extends { readonly origin: string }>(col: ColumnHelper<T>, isParent: boolean, header: string) {
  if (!isParent) return [];
  return [
    col.display({
      id: 'origin',
      header,
      cell: (c) => (
        <Text size="sm" ff="monospace">
          {c.row.original.origin}
        </Text>
      ),
    }),
  ];
}
