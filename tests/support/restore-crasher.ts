/**
 * Child process for the interrupted-restore test: opens an existing office's data folder and
 * restores its newest backup through the handler (after its plan, as the screen would), killing
 * itself with SIGKILL at the chosen step, as a power cut would: with the backup staged but no
 * marker yet, with the marker written, or between any two of the swap's moves.
 */
import { createAppCore } from '../../electron/services/app';
import { restoreHandlers } from '../../electron/services/backup/restoreHandlers';

const [dir, name, moment] = process.argv.slice(2) as [string, string, string];
const core = createAppCore(dir);
const call = { token: null, actor: { id: 'admin', name: 'Admin', role: 'admin' as const } };
const handlers = restoreHandlers(core.ctx, (what) => {
  if (what === moment) process.kill(process.pid, 'SIGKILL');
});
const plan = await handlers['backups.restorePlan']({ name }, call);
await handlers['backups.restore']({ name, confirmation: plan.confirmation }, call);
process.stdout.write('not killed\n');
