import { useState } from 'react';
import type { TimeZoneCode } from '../../../../shared/domain';
import { formatDay, type Locale } from '../../../../shared/format';
import { isMessageKey } from '../../../../shared/i18n/index';
import type { useI18n } from '../../i18n';
import { call } from '../../rpc';

type T = ReturnType<typeof useI18n>['t'];

/** A table of a bundle by the name an officer knows it by; a table added by a newer version shows its own name. */
export function tableLabel(t: T, table: string): string {
  const key = `bundles.table.${table}`;
  return isMessageKey(key) ? t(key) : table;
}

/** The office's calendar day of an instant, as "5 Maret 2025". */
export const dayOf = (iso: string, zone: TimeZoneCode, locale: Locale): string => formatDay(iso, zone, locale);

/**
 * The desktop's file dialogs. Asking the main process whether they exist would open one, so the
 * first guess is whether this is the desktop app at all (the web preview has no preload bridge and
 * no dialogs); a "not supported" answer to a real click hides the buttons too.
 */
export function useHostDialogs() {
  const [supported, setSupported] = useState(() => typeof window !== 'undefined' && window.mitra !== undefined);
  const choose = async (method: 'host.chooseFolder' | 'host.chooseFiles'): Promise<readonly string[]> => {
    const r = await call(method, {});
    if (!r.supported) setSupported(false);
    return r.paths;
  };
  return { supported, chooseFolder: () => choose('host.chooseFolder'), chooseFiles: () => choose('host.chooseFiles') };
}
