import { useMutation } from '@tanstack/react-query';
import type { ExportFile } from '../../../shared/types';
import { useI18n } from '../i18n';
import { saveFile } from '../rpc';
import { notifyOk, showError } from './forms';

/** An export button's action: ask the main process for the file, offer it as a download, say how many rows it holds. */
export function useExport<V = void>(exportFile: (v: V) => Promise<ExportFile>) {
  const { t } = useI18n();
  return useMutation({
    mutationFn: exportFile,
    onSuccess: (file: ExportFile) => {
      saveFile(file);
      notifyOk(t('partners.exported', { rows: file.rows, file: file.filename }));
    },
    onError: (e) => showError(e, t),
  });
}
