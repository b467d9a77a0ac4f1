import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useI18n } from '../i18n';

export type ExportChoice = 'xlsx' | 'csv' | 'csvComma';

/**
 * One "Ekspor" button for a list: .xlsx, CSV with semicolons (what Excel set to Indonesian opens as
 * columns: the default) or CSV with commas for other programs. Lists that only write .xlsx pass
 * `choices={['xlsx']}` and get a plain button.
 */
export function ExportMenu({
  onChoose,
  loading,
  choices = ['xlsx', 'csv', 'csvComma'],
}: {
  onChoose: (c: ExportChoice) => void;
  loading: boolean;
  choices?: readonly ExportChoice[];
}) {
  const { t } = useI18n();
  const label = { xlsx: t('export.xlsx'), csv: t('export.csvSemicolon'), csvComma: t('export.csvComma') } as const;
  if (choices.length === 1) {
    return (
      <Button variant="default" leftSection={<IconDownload size={16} />} loading={loading} onClick={() => onChoose(choices[0]!)}>
        {label[choices[0]!]}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} loading={loading}>
          {t('export.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {choices.map((c) => (
          <Menu.Item key={c} onClick={() => onChoose(c)}>
            {label[c]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
