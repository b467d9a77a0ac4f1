import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconMail, IconPrinter } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { InputOf } from '../../../../shared/contract';
import { maxLengthOf } from '../../../../shared/schemas/limits';
import { ReportCoverLetterInput } from '../../../../shared/schemas/reports';
import { DocumentPreview } from '../../components/DocumentPreview';
import { showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call, saveFile } from '../../rpc';

type ReportInput = InputOf<'reports.compute'>;

/**
 * The report's output on the Laporan screen: "Cetak" (the same preview as every other document:
 * HTML, PDF, Word), the .xlsx, and the covering letter, whose number the officer types from the
 * office's outgoing letter book before the preview opens.
 */
export function ReportOutput({ input }: { input: ReportInput }) {
  const { t } = useI18n();
  const [printing, setPrinting] = useState(false);
  const [asking, setAsking] = useState(false);
  const [number, setNumber] = useState('');
  const [letter, setLetter] = useState<string | null>(null);
  const xlsx = useMutation({
    mutationFn: () => call('reports.export', input),
    onSuccess: saveFile,
    onError: (e) => showError(e, t),
  });
  return (
    <>
      <Group gap="xs">
        <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)} data-testid="report-print">
          {t('reports.print')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconFileSpreadsheet size={16} />}
          loading={xlsx.isPending}
          onClick={() => xlsx.mutate()}
          data-testid="report-xlsx"
        >
          {t('reports.xlsx')}
        </Button>
        <Button variant="light" leftSection={<IconMail size={16} />} onClick={() => setAsking(true)} data-testid="report-cover-letter">
          {t('reports.coverLetter')}
        </Button>
      </Group>
      {printing && <DocumentPreview method="reports.document" input={input} onClose={() => setPrinting(false)} />}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('reports.coverLetter.title')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!number.trim()) return;
            setAsking(false);
            setLetter(number.trim());
          }}
        >
          <Stack>
            <TextInput
              label={t('reports.coverLetter.number')}
              description={t('reports.coverLetter.numberHint')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              maxLength={maxLengthOf(ReportCoverLetterInput.shape.number)}
              required
              data-autofocus
              data-testid="cover-letter-number"
            />
            <Group justify="flex-end">
              <Button type="submit" disabled={!number.trim()}>
                {t('reports.coverLetter.preview')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      {letter && <DocumentPreview method="reports.coverLetter" input={{ ...input, number: letter }} onClose={() => setLetter(null)} />}
    </>
  );
}
