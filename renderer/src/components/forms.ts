import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { isMessageKey } from '../../../shared/i18n/index';
import type { useI18n } from '../i18n';
import { rememberFailedAttemptNotice } from './formKeys';

type T = ReturnType<typeof useI18n>['t'];

/**
 * Form validation with the very schema the main process applies: the form catches mistakes as
 * the user types, the main process still decides. Messages are i18n keys.
 */
export function zodValidate<S extends z.ZodType>(schema: S, t: T) {
  return (values: unknown): Record<string, string> => {
    const r = schema.safeParse(values);
    if (r.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of r.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= t(isMessageKey(issue.message) ? issue.message : 'v.invalid');
    }
    return errors;
  };
}

let noticeSeq = 0;

/**
 * Shows an error from the main process: on the fields it names, and as a notice. A refusal of
 * what was typed (VALIDATION) is titled as such, not "Terjadi kesalahan"; the notice goes when
 * the next attempt is made (formKeys.ts).
 */
export function showError(e: unknown, t: T, form?: UseFormReturnType<never> | UseFormReturnType<Record<string, unknown>>, stripPrefix = ''): void {
  const err = e instanceof AppError ? e : new AppError('INTERNAL', 'rpc.internal');
  if (err.code === 'SESSION_LOCKED' || err.code === 'UNAUTHENTICATED') return; // the shell shows the lock or sign-in screen
  let onFields = false;
  if (form && err.fields) {
    const mapped: Record<string, string> = {};
    for (const [path, key] of Object.entries(err.fields)) {
      mapped[path.startsWith(stripPrefix) ? path.slice(stripPrefix.length) : path] = t(key, err.params);
    }
    form.setErrors(mapped);
    onFields = Object.keys(mapped).length > 0;
    revealFirstError();
  }
  const id = `failed-attempt-${++noticeSeq}`;
  rememberFailedAttemptNotice(id);
  notifications.show({
    id,
    color: 'red',
    title: err.code === 'VALIDATION' || onFields ? t('forms.invalidTitle') : t('common.errorTitle'),
    message: t(err.message, err.params),
    autoClose: 8000,
  });
}

export function notifyOk(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

/**
 * Brings the first field marked wrong into view and puts the cursor there: on a long form (a PKS
 * with nine pasal) the mistake is often far below the Simpan button. Pass as onSubmit's second argument.
 */
export function revealFirstError(): void {
  // After React has rendered the error state.
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    field.focus({ preventScroll: true });
  });
}
