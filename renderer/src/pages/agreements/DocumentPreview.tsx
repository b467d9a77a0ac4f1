import { Button, Group, Modal, SegmentedControl, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call, saveFile } from '../../rpc';

/**
 * Print preview of the PKS as the main process renders it. "Cetak" opens the system print dialog
 * (where "Save as PDF" is one of the printers); "Unduh Word" saves the DOCX made from the same model.
 * The frame runs no scripts; it only shows the document.
 */
export function DocumentPreview({ agreementId, onClose }: { agreementId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [paper, setPaper] = useState<'A4' | 'F4'>('F4');
  const frame = useRef<HTMLIFrameElement>(null);
  const html = useQuery({
    queryKey: ['agreements.document', agreementId, paper],
    queryFn: async () => {
      const file = await call('agreements.document', { id: agreementId, paper, format: 'html' });
      return new TextDecoder().decode(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)));
    },
  });
  const word = useMutation({
    mutationFn: () => call('agreements.document', { id: agreementId, paper, format: 'docx' }),
    onSuccess: saveFile,
    onError: (e) => showError(e, t),
  });

  return (
    <Modal opened onClose={onClose} fullScreen title={t('documents.preview')}>
      <Group justify="space-between" mb="sm">
        <Group>
          <Text size="sm">{t('documents.paper')}</Text>
          <SegmentedControl
            value={paper}
            onChange={(p) => setPaper(p as 'A4' | 'F4')}
            data={[
              { value: 'A4', label: 'A4' },
              { value: 'F4', label: 'F4 / Folio' },
            ]}
          />
        </Group>
        <Group>
          <Button leftSection={<IconPrinter size={16} />} disabled={!html.data} onClick={() => frame.current?.contentWindow?.print()}>
            {t('documents.print')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={word.isPending} onClick={() => word.mutate()}>
            {t('documents.word')}
          </Button>
        </Group>
      </Group>
      {html.data && (
        <iframe
          ref={frame}
          title={t('documents.preview')}
          srcDoc={html.data}
          sandbox="allow-same-origin allow-modals"
          style={{ width: '100%', height: 'calc(100vh - 140px)', border: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="document-frame"
        />
      )}
    </Modal>
  );
}
