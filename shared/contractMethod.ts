import type { z } from 'zod';
import type { Role } from './domain';

/** Who may call: nobody needs a session (`public`), any signed-in user (`any`), or these roles. */
export type Access = 'public' | 'any' | readonly Role[];

export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly access: Access;
  /** Phantom: carries the output type; never read at run time. */
  readonly output: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I, access: Access): MethodSpec<I, O> => ({ input, access, output: undefined as O });
}
