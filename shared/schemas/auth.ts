import { z } from 'zod';
import { ROLES } from '../domain';
import { id } from './common';
import { AccountFields, password } from './setup';

export const LoginInput = z
  .object({ username: z.string().trim().toLowerCase().min(1, 'v.required').max(64), password: z.string().min(1, 'v.required').max(200) })
  .strict();
export const UnlockInput = z.object({ password: z.string().min(1, 'v.required').max(200) }).strict();
export const ChangePasswordInput = z
  .object({ current: z.string().min(1, 'v.required').max(200), password, passwordConfirm: z.string().max(200) })
  .strict()
  .refine((p) => p.password === p.passwordConfirm, { path: ['passwordConfirm'], message: 'v.passwordMismatch' });

export const UserCreateInput = AccountFields.extend({
  role: z.enum(ROLES),
  password,
  passwordConfirm: z.string().max(200),
})
  .strict()
  .refine((p) => p.password === p.passwordConfirm, { path: ['passwordConfirm'], message: 'v.passwordMismatch' });

export const UserUpdateInput = z
  .object({ id, name: AccountFields.shape.name, nip: AccountFields.shape.nip, position: AccountFields.shape.position, role: z.enum(ROLES) })
  .strict();

export const UserSetActiveInput = z.object({ id, active: z.boolean() }).strict();

export const UserResetPasswordInput = z
  .object({ id, password, passwordConfirm: z.string().max(200) })
  .strict()
  .refine((p) => p.password === p.passwordConfirm, { path: ['passwordConfirm'], message: 'v.passwordMismatch' });
