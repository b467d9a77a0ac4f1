import type { TimeZoneCode } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { formatClock } from '../../../shared/format';
import type { useI18n } from '../i18n';

type I18n = ReturnType<typeof useI18n>;

/**
 * A refused sign-in or unlock in words: a lockout names the clock time it ends in the office's
 * zone ("Coba lagi setelah pukul 03.29 WIB"), never the stored UTC instant.
 */
export function authErrorText(e: unknown, { t, locale }: Pick<I18n, 't' | 'locale'>, zone: TimeZoneCode): string {
  if (!(e instanceof AppError)) return t('rpc.internal');
  if (e.code === 'ACCOUNT_LOCKED' && typeof e.params?.until === 'string') return t('auth.accountLocked', { until: formatClock(e.params.until, zone, locale) });
  return t(e.message, e.params);
}
