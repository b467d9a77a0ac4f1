import type { MessageParams } from '../errors';
import type { Locale } from '../format';
import { en, enPlurals, type PluralForm } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey };
export const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { id, en };

export function isMessageKey(s: string): s is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, s);
}

/** Singular forms by locale: Indonesian nouns do not change with the count ("1 rujukan", "2 rujukan"). */
export const PLURALS: Readonly<Record<Locale, Readonly<Partial<Record<MessageKey, PluralForm>>>>> = { id: {}, en: enPlurals };
const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/**
 * Looks a key up and fills `{name}` placeholders; text that is not a key is shown as it is. A
 * message with a singular form takes it when its count is one ("1 referral", "2 referrals").
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  let template: string = isMessageKey(key) ? CATALOGUES[locale][key] : key;
  if (!params) return template;
  const plural = isMessageKey(key) ? PLURALS[locale][key] : undefined;
  const count = plural ? params[plural.by] : undefined;
  if (plural && count !== undefined && pluralCategory(locale, Number(count)) === 'one') template = plural.one;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
