/**
 * Child process for the interrupted-backup test: opens an existing office's data folder and makes a
 * backup through the handler (without signing in, so nothing writes to the database), killing
 * itself with SIGKILL at the chosen moment, as a power cut would: halfway through writing the file,
 * or with the file whole and checked but not yet under its final name.
 */
import { createAppCore } from '../../electron/services/app';
import { backupHandlers } from '../../electron/services/backup/handlers';
import { nodeBackupIo, type BackupIo } from '../../electron/services/backup/io';

const [dir, moment] = process.argv.slice(2) as [string, 'midWrite' | 'beforeRename'];
const core = createAppCore(dir);
const die = () => process.kill(process.pid, 'SIGKILL');
const io: BackupIo =
  moment === 'beforeRename'
    ? { ...nodeBackupIo, rename: async () => void die() }
    : {
        ...nodeBackupIo,
        async create(path) {
          const sink = await nodeBackupIo.create(path);
          let writes = 0;
          return { ...sink, write: async (data) => (++writes === 4 ? void die() : sink.write(data)) };
        },
      };
await backupHandlers(core.ctx, io)['backups.create']({}, { token: null, actor: { id: 'admin', name: 'Admin', role: 'admin' } });
process.stdout.write('not killed\n');
