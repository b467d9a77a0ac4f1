/**
 * Child process for the crash test: writes partners through the real services as fast as it can
 * and prints each id once its transaction has committed. The test kills it with SIGKILL.
 */
import type { InputOf, Method, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { createAppCore } from '../../electron/services/app';
import { PARTNER, SETUP } from './fixtures';

const core = createAppCore(process.argv[2]!);
async function call<M extends Method>(method: M, input: InputOf<M>, token: string | null = null): Promise<OutputOf<M>> {
  const r = await core.dispatch({ method, input, token });
  if (!r.ok) throw AppError.fromData(r.error);
  return r.value as OutputOf<M>;
}
await call('setup.complete', SETUP);
const { token } = await call('auth.login', { username: 'admin', password: SETUP.admin.password });
for (let i = 0; ; i++) {
  const p = await call('partners.create', { ...PARTNER, name: `Mitra uji ${i}`, notes: 'x'.repeat(2000) }, token);
  process.stdout.write(`${p.id}\n`);
}
