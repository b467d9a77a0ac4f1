import { Box, Button } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * "Detail teknis": ids, digests and change ranges an administrator may need, folded away from an
 * officer's reading. Closed, the values are not in the page at all (not merely clipped).
 */
export function TechnicalDetail({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Box data-testid="technical-detail">
      <Button
        variant="subtle"
        size="compact-xs"
        color="gray"
        leftSection={open ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />}
        onClick={(e) => {
          // Inside a clickable row the disclosure opens itself only.
          e.stopPropagation();
          setOpen((o) => !o);
        }}
        aria-expanded={open}
      >
        {t('record.technical')}
      </Button>
      {open && (
        <Box fz="xs" c="dimmed" mt={4}>
          {children}
        </Box>
      )}
    </Box>
  );
}
