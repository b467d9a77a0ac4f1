import type { MessageParams } from '../errors';
import type { Locale } from '../format';
import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey };
export const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { id, en };

export function isMessageKey(s: string): s is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, s);
}

/** Looks a key up and fills `{name}` placeholders; text that is not a key is shown as it is. */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = isMessageKey(key) ? CATALOGUES[locale][key] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
