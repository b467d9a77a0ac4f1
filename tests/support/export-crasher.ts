/**
 * Child process for the interrupted-export test: signs in to an existing post's data folder and
 * writes a bundle to `folder`, killing itself with SIGKILL at the chosen moment, as a power cut
 * would: right after the file reached its final name (before it was read back and recorded), or
 * before anything was written.
 */
import * as fs from 'node:fs';
import { createAppCore } from '../../electron/services/app';
import { bundleExportHandlers } from '../../electron/services/bundles/exports';
import { nodeIo, type MediaIo } from '../../electron/services/bundles/media';
import { SETUP } from './fixtures';

const [dir, folder, moment] = process.argv.slice(2) as [string, string, 'afterWrite' | 'beforeWrite'];
const core = createAppCore(dir);
const r = await core.dispatch({ method: 'auth.login', input: { username: 'admin', password: SETUP.admin.password }, token: null });
if (!r.ok) throw new Error(r.error.message);
const user = (r.value as { user: { id: string; name: string } }).user;
const die = () => process.kill(process.pid, 'SIGKILL');
const io: MediaIo =
  moment === 'afterWrite'
    ? {
        ...nodeIo,
        renameSync: (a, b) => {
          fs.renameSync(a, b);
          die();
        },
      }
    : { ...nodeIo, openSync: () => (die(), -1) };
await bundleExportHandlers(core.ctx, io)['bundles.export'](
  { mode: 'incremental', withFiles: true, limitMb: 18, overLimit: null, folder },
  { token: null, actor: { id: user.id, name: user.name, role: 'admin' } },
);
process.stdout.write('not killed\n');
