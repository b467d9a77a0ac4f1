import { Badge, Button, Checkbox, Group, Modal, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { showError } from './forms';
import { useI18n } from '../i18n';
import { call, saveFile } from '../rpc';
import type { ExportFile, PrintedFile } from '../../../shared/types';

/**
 * Print preview of a document (a PKS, a referral letter, a Pokmas member list) as the main process
 * renders it, with the verification code it carries (a member list carries none: see pokmasList.ts).
 * "Cetak" opens the system print dialog; "Simpan PDF" writes a PDF printed by the main process
 * (Electron's printToPDF), or, where the app has no PDF printer (a plain browser), opens the print
 * dialog whose "Save as PDF" does the same; "Unduh Word" saves the DOCX made from the same model.
 * The frame runs no scripts; it only shows the document.
 */
export type LetterMethod = 'agreements.document' | 'referrals.document' | 'pokmas.document' | 'reports.document' | 'reports.coverLetter';
/** The printed registers (electron/services/registers): the same preview, with their .xlsx beside the PDF and Word. */
export type BookMethod =
  | 'registers.clients'
  | 'registers.klaper'
  | 'registers.partners'
  | 'registers.referrals'
  | 'registers.overdue'
  | 'registers.checkinCard'
  | 'registers.attendance'
  | 'registers.activityReport';

export function DocumentPreview({
  method,
  id,
  input,
  onClose,
}: {
  method: LetterMethod | BookMethod;
  /** The record printed (a PKS, a letter, a group, a client's card, an activity). */
  id?: string;
  /** A register's filter, as its screen holds it. */
  input?: Readonly<Record<string, unknown>>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [paper, setPaper] = useState<'A4' | 'F4'>('F4');
  // A PKS may carry a paraf box on every page; the choice goes with each print, not into the record.
  const [paraf, setParaf] = useState(false);
  const book = method.startsWith('registers.');
  const options = { ...(input ?? {}), ...(id ? { id } : {}), ...(method === 'agreements.document' ? { paraf } : {}) };
  const frame = useRef<HTMLIFrameElement>(null);
  const status = useQuery({ queryKey: ['app.status'], queryFn: () => call('app.status', {}) });
  const html = useQuery({
    queryKey: [method, options, paper],
    queryFn: async () => {
      // Typed per method by the contract; the union of their inputs is what this one preview sends.
      const file: ExportFile | PrintedFile = await call(method as 'agreements.document', { ...options, paper, format: 'html' } as never);
      return {
        registered: 'code' in file ? { code: file.code, version: file.version } : null,
        text: new TextDecoder().decode(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))),
      };
    },
  });
  const download = useMutation({
    mutationFn: (format: 'docx' | 'pdf' | 'xlsx') => call(method as 'pokmas.document', { ...options, paper, format } as never),
    onSuccess: saveFile,
    onError: (e) => showError(e, t),
  });
  const print = () => frame.current?.contentWindow?.print();
  const savePdf = () => {
    if (status.data?.canPrintPdf) return download.mutate('pdf');
    notifications.show({ message: t('documents.pdfViaDialog'), autoClose: 8000 });
    print();
  };

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
          {method === 'agreements.document' && <Checkbox label={t('documents.paraf')} checked={paraf} onChange={(e) => setParaf(e.currentTarget.checked)} />}
          {html.data?.registered && (
            <Tooltip label={t('documents.codeHint')}>
              <Badge variant="light" size="lg" tt="none" data-testid="verification-code">
                {t('documents.code', { code: html.data.registered.code, version: html.data.registered.version })}
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Group>
          <Button leftSection={<IconPrinter size={16} />} disabled={!html.data} onClick={print}>
            {t('documents.print')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} />}
            disabled={!html.data}
            loading={download.isPending && download.variables === 'pdf'}
            onClick={savePdf}
          >
            {t('documents.pdf')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={download.isPending && download.variables === 'docx'}
            onClick={() => download.mutate('docx')}
          >
            {t('documents.word')}
          </Button>
          {book && (
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={download.isPending && download.variables === 'xlsx'}
              onClick={() => download.mutate('xlsx')}
            >
              {t('books.xlsx')}
            </Button>
          )}
        </Group>
      </Group>
      {html.data && (
        <iframe
          ref={frame}
          title={t('documents.preview')}
          srcDoc={html.data.text}
          sandbox="allow-same-origin allow-modals"
          style={{ width: '100%', height: 'calc(100vh - 140px)', border: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="document-frame"
        />
      )}
    </Modal>
  );
}
