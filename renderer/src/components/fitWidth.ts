/**
 * The width a filter field needs to show its chosen value whole: at least `base` pixels, wider for
 * a long label ("Organisasi kemasyarakatan/kelompok sosial"), so a chosen filter is never cut off.
 * The filter row wraps when the fields grow.
 */
export function fitWidth(base: number, label: string | null | undefined): number {
  if (!label) return base;
  // About 7.6 px a character at the input's 14 px system font, plus the padding, chevron and clear button.
  return Math.min(420, Math.max(base, Math.ceil(label.length * 7.6) + 64));
}

/** The label of the chosen option of a Select's data, for fitWidth. */
export const labelOf = (data: readonly { value: string; label: string }[], value: string | null | undefined) =>
  value ? data.find((o) => o.value === value)?.label : undefined;
