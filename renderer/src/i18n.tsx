import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MessageParams } from '../../shared/errors';
import type { Locale } from '../../shared/format';
import { translate, type MessageKey } from '../../shared/i18n/index';

interface I18n {
  readonly locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey | (string & {}), params?: MessageParams): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem('mitra.locale') === 'en' ? 'en' : 'id'));
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem('mitra.locale', l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }), [locale, setLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
