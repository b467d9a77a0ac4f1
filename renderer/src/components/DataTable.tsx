import { Center, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type OnChangeFn, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props<T> {
  readonly data: readonly T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's column value type varies per column
  readonly columns: ColumnDef<T, any>[];
  readonly getRowId: (row: T) => string;
  /** Sorting done by the main process (large lists); otherwise sorted here. */
  readonly sorting?: SortingState;
  readonly onSortingChange?: OnChangeFn<SortingState>;
  readonly onRowClick?: (row: T) => void;
  readonly height?: string;
  readonly testId?: string;
  /** Shown instead of "no match" when the register itself holds nothing yet (see EmptyRegister). */
  readonly empty?: ReactNode;
}

const ROW_HEIGHT = 41;

/** Per-column display hints (set as `meta` on a column definition). */
export interface ColumnMeta {
  /** Keeps badges and short values from being squeezed into an ellipsis. */
  readonly minWidth?: number;
}
const minWidthOf = (meta: unknown) => (meta as ColumnMeta | undefined)?.minWidth;

/**
 * One table for every list: sortable headers, keyboard-openable rows, and virtualised rendering
 * so a list of thousands scrolls smoothly on an old PC (only visible rows are in the DOM).
 */
export function DataTable<T>({ data, columns, getRowId, sorting, onSortingChange, onRowClick, height = 'calc(100vh - 260px)', testId, empty }: Props<T>) {
  const { t } = useI18n();
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const manual = sorting !== undefined;
  const table = useReactTable({
    data: data as T[],
    columns,
    getRowId,
    state: { sorting: manual ? sorting : localSorting },
    onSortingChange: manual ? onSortingChange : setLocalSorting,
    manualSorting: manual,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    ...(manual ? {} : { getSortedRowModel: getSortedRowModel() }),
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div ref={scrollRef} style={{ height, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }} data-testid={testId}>
      <Table striped highlightOnHover stickyHeader verticalSpacing={8} style={{ minWidth: 720 }}>
        <Table.Thead>
          {table.getHeaderGroups().map((hg) => (
            <Table.Tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const label = flexRender(h.column.columnDef.header, h.getContext());
                return (
                  <Table.Th
                    key={h.id}
                    style={{ minWidth: minWidthOf(h.column.columnDef.meta), whiteSpace: 'nowrap' }}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {h.column.getCanSort() ? (
                      <UnstyledButton
                        onClick={h.column.getToggleSortingHandler()}
                        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'inherit' }}
                      >
                        {label}
                        {sorted === 'asc' ? (
                          <IconSortAscending size={14} />
                        ) : sorted === 'desc' ? (
                          <IconSortDescending size={14} />
                        ) : (
                          <IconArrowsSort size={14} opacity={0.4} />
                        )}
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && (
            <tr>
              <td style={{ height: padTop, padding: 0 }} colSpan={columns.length} />
            </tr>
          )}
          {items.map((vi) => {
            const row = rows[vi.index]!;
            return (
              <Table.Tr
                key={row.id}
                data-index={vi.index}
                ref={virtualizer.measureElement}
                tabIndex={onRowClick ? 0 : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                onKeyDown={onRowClick ? (e) => e.key === 'Enter' && onRowClick(row.original) : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id} style={{ minWidth: minWidthOf(cell.column.columnDef.meta) }}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {padBottom > 0 && (
            <tr>
              <td style={{ height: padBottom, padding: 0 }} colSpan={columns.length} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && <Center p="xl">{empty ?? <Text c="dimmed">{t('common.noMatch')}</Text>}</Center>}
    </div>
  );
}
