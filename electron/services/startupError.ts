import { AppError } from '../../shared/errors';
import { translate } from '../../shared/i18n/index';

/**
 * The words of the box shown when the app cannot open its data (a database from a newer version,
 * a damaged file): an AppError carries a message key, which is put in words here, in Bahasa
 * Indonesia with the English beneath, since no language has been chosen yet at that point.
 */
export function startupMessage(e: unknown): { readonly title: string; readonly message: string } {
  const title = translate('id', 'startup.failed');
  if (e instanceof AppError) return { title, message: `${translate('id', e.message, e.params)}\n\n${translate('en', e.message, e.params)}` };
  return { title, message: e instanceof Error ? e.message : String(e) };
}
