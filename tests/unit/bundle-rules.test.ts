import fc from 'fast-check';
import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { PREDICATES } from '../../electron/services/bundles/rowRules';

/** The plain predicates that stand in for zod on ids and time stamps must accept exactly what their schemas accept. */
describe('row rule predicates', () => {
  const near = (s: string) =>
    fc.tuple(fc.nat({ max: s.length }), fc.string({ maxLength: 3 })).map(([at, ins]) => s.slice(0, at) + ins + s.slice(at + ins.length));
  const values = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.string(),
    fc.constant(v7()).chain(near),
    fc.date({ min: new Date('1890-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.date({ min: new Date('1890-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).chain((d) => near(d.toISOString())),
  );

  it('agree with their schemas on valid, nearly valid and arbitrary values', () => {
    expect(PREDICATES.size).toBeGreaterThan(0);
    for (const [schema, predicate] of PREDICATES) {
      expect(predicate(v7())).toBe(schema.safeParse(v7()).success);
      fc.assert(
        fc.property(values, (v) => predicate(v) === schema.safeParse(v).success),
        { numRuns: 2000 },
      );
    }
  });
});
