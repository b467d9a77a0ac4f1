import { z } from 'zod';
import { isoDate, requiredText } from './common';

/** Confirms days of the bundled national list (by date): each must be one of them. */
export const HolidayConfirmInput = z.object({ dates: z.array(isoDate).min(1, 'v.required').max(100, 'v.tooMany') }).strict();

/** A day the office is closed that the national list does not hold (a regional holiday, an office closure). */
export const HolidayAddInput = z.object({ date: isoDate, name: requiredText(120) }).strict();

export const HolidayRemoveInput = z.object({ date: isoDate }).strict();
