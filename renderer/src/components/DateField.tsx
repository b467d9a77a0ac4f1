import { DateInput, type DateInputProps } from '@mantine/dates';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { readTypedDate } from '../../../shared/dates';
import { isIsoDate } from '../../../shared/validate';
import { useI18n } from '../i18n';

type Props = Omit<DateInputProps, 'value' | 'defaultValue' | 'onChange' | 'dateParser' | 'fixOnBlur'> & {
  /** A calendar date (YYYY-MM-DD), null, or the text an officer typed that is not a date. */
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** Space between the field and the calendar when no error stands under the field (Mantine's own). */
const POPOVER_GAP = 8;

/**
 * The one date field of the interface: reads dates as officers type them (20/01/2025, 20-01-2025,
 * 20.01.2025, 2025-01-20, "20 Januari 2025", "20 jan 2025") with the shared reader, and shows
 * them as "20 Januari 2025".
 *
 * What cannot be read is never dropped: the typed text stays in the field with a message under it,
 * and the form's value becomes that text, so the form's own check and the main process both refuse
 * it instead of saving the previous date (Mantine's own field silently restores the previous date
 * on blur, or reads "20/01/2025" as some other day).
 */
export function DateField({ value = null, onChange, error, onBlur, onInput, popoverProps, valueFormat = 'D MMMM YYYY', ...rest }: Props) {
  const { t } = useI18n();
  const current = value === '' ? null : value;
  const unreadable = current !== null && !isIsoDate(current);
  // The picker only ever holds a real date: while the text is unreadable it keeps the last one, so
  // that it does not rewrite the officer's text.
  const shown = useRef<string | null>(null);
  if (!unreadable) shown.current = current;
  // The text typed since the value last changed; null when the field shows its value as formatted.
  const [typed, setTyped] = useState<string | null>(null);
  useEffect(() => {
    if (!unreadable) setTyped(null);
  }, [current, unreadable]);

  const message = unreadable ? t('v.dateUnreadable') : error;

  // The calendar opens below the field: below its error too, so that it never hides the message.
  const input = useRef<HTMLInputElement>(null);
  const [errorHeight, setErrorHeight] = useState(0);
  useLayoutEffect(() => {
    const ids = input.current?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
    const el = ids.filter((id) => id.endsWith('-error')).map((id) => document.getElementById(id))[0];
    setErrorHeight(el?.offsetHeight ?? 0);
  }, [message]);

  return (
    <DateInput
      {...rest}
      ref={input}
      valueFormat={valueFormat}
      value={shown.current}
      error={message}
      dateParser={readTypedDate}
      // Mantine puts the formatted value back on blur: right for a date it read, wrong for text it could not.
      fixOnBlur={typed === null || readTypedDate(typed) !== null}
      popoverProps={{ offset: errorHeight ? errorHeight + POPOVER_GAP : POPOVER_GAP, ...popoverProps }}
      onChange={(v) => onChange?.(v)}
      onInput={(e) => {
        setTyped(e.currentTarget.value);
        onInput?.(e);
      }}
      onBlur={(e) => {
        if (typed !== null) {
          const text = e.currentTarget.value.trim();
          const date = readTypedDate(text);
          if (text === '') {
            if (current !== null) onChange?.(null);
          } else if (date === null) {
            if (text !== current) onChange?.(text);
          } else if (date !== current) {
            onChange?.(date);
          }
        }
        onBlur?.(e);
      }}
    />
  );
}
