import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUNDLE_LIMIT_MB, BundlePlanInput } from '../../shared/schemas/bundles';
import { ClientFields } from '../../shared/schemas/clients';
import { maxLengthOf, rangeOf } from '../../shared/schemas/limits';
import { WorkHoursInput } from '../../shared/schemas/referrals';
import { officeCode } from '../../shared/schemas/setup';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('limits written once', () => {
  it('are read from the schema the main process checks', () => {
    expect(maxLengthOf(ClientFields.shape.nik)).toBe(40);
    expect(maxLengthOf(ClientFields.shape.name)).toBe(160);
    expect(maxLengthOf(officeCode)).toBe(12);
    expect(rangeOf(WorkHoursInput.shape.hours)).toEqual({ min: 0.5, max: 12, step: 0.5 });
    expect(rangeOf(BundlePlanInput.shape.limitMb)).toEqual({ min: BUNDLE_LIMIT_MB.min, max: BUNDLE_LIMIT_MB.max });
    expect(BundlePlanInput.parse({}).limitMb).toBe(BUNDLE_LIMIT_MB.default);
    // A field without a limit is a mistake in the form, not a silent "no limit".
    expect(() => maxLengthOf(z.string())).toThrow();
    expect(() => rangeOf(z.number().min(1))).toThrow();
  });

  it('never appear as numbers on the screens (maxLength, min, max, step, or a byte size)', () => {
    const copies: string[] = [];
    for (const file of sourceFiles('renderer/src')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\b(maxLength|min|max|step)=\{\s*-?[\d._]+\s*\}/.test(line) || /\d+\s*\*\s*1024\b/.test(line)) copies.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(copies).toEqual([]);
  });
});
