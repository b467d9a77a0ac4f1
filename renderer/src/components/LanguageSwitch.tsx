import { SegmentedControl } from '@mantine/core';
import { useI18n } from '../i18n';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={locale}
      onChange={(v) => setLocale(v === 'en' ? 'en' : 'id')}
      data={[
        { value: 'id', label: 'Bahasa Indonesia' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
