import { z } from 'zod';

/**
 * The limits a form's inputs show (maxLength, min, max, step), read from the zod schema the main
 * process checks, so the screen never carries its own copy of a field's limit.
 */

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under defaults, nullables and transforms (a pipe's input side). */
function base(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.type === 'pipe' && def.in) s = def.in;
    else if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else return s;
  }
}

/** The longest text a string field takes. Throws for a schema without one (a programming error, caught by the unit test). */
export function maxLengthOf(schema: z.ZodType): number {
  const s = base(schema);
  if (s instanceof z.ZodString && s.maxLength !== null) return s.maxLength;
  throw new Error('maxLengthOf: not a string schema with a maximum length');
}

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** The multiple the value must be, when the schema asks for one. */
  readonly step?: number;
}

/** The bounds of a number field (both must be set in the schema). */
export function rangeOf(schema: z.ZodType): NumberRange {
  const s = base(schema);
  if (!(s instanceof z.ZodNumber) || s.minValue === null || s.maxValue === null || !Number.isFinite(s.minValue) || !Number.isFinite(s.maxValue)) {
    throw new Error('rangeOf: not a number schema with both bounds');
  }
  const multiple = (s.def.checks ?? []).map((c) => c._zod.def as { check: string; value?: number }).find((d) => d.check === 'multiple_of');
  return { min: s.minValue, max: s.maxValue, ...(multiple?.value ? { step: multiple.value } : {}) };
}
