import { Box, Text } from '@mantine/core';
import { officeKop, type KopSource } from '../../../shared/kop';
import { useI18n } from '../i18n';

const SERIF = '"Bookman Old Style", "TeX Gyre Bonum", "Times New Roman", serif';

/**
 * The kop surat as it will print, from the same builder as the printed documents (shared/kop.ts):
 * bold lines, the address and contact lines smaller, the double rule under them, a logo on the left
 * when the office has one.
 */
export function KopPreview({ office, logoSrc }: { office: KopSource; logoSrc?: string | null }) {
  const { t } = useI18n();
  const kop = officeKop(office);
  return (
    <Box data-testid="kop-preview" aria-label={t('kop.preview')}>
      <Text size="sm" fw={500} mb={4}>
        {t('kop.preview')}
      </Text>
      <Box bg="white" p="md" style={{ border: '1px solid var(--mantine-color-gray-4)', color: '#000', fontFamily: SERIF }}>
        <Box
          style={{
            display: 'grid',
            gridTemplateColumns: logoSrc ? '72px 1fr 72px' : '1fr',
            alignItems: 'center',
            textAlign: 'center',
            borderBottom: '3px double #000',
            paddingBottom: 4,
          }}
        >
          {logoSrc && <img src={logoSrc} alt="" style={{ height: 64, maxWidth: 72, objectFit: 'contain' }} />}
          <div>
            {kop.lines.map((l, i) => (
              <div key={`l${i}`} data-kop-line style={{ fontWeight: 700, fontSize: 13, lineHeight: 1.35 }}>
                {l}
              </div>
            ))}
            {kop.small.map((l, i) => (
              <div key={`s${i}`} data-kop-line style={{ fontSize: 11, lineHeight: 1.35 }}>
                {l}
              </div>
            ))}
          </div>
          {logoSrc && <div />}
        </Box>
      </Box>
    </Box>
  );
}
