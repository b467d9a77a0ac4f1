import type { AppContext, HandlersOf } from '../context';
import { bundleExportHandlers } from './exports';
export { settleReservedExports } from './exports';
import { bundleImportHandlers } from './imports';

export function bundleHandlers(ctx: AppContext) {
  return { ...bundleExportHandlers(ctx), ...bundleImportHandlers(ctx) };
}

/** The desktop's file dialogs; the web preview has none, and the screens let the user type a path. */
export function hostHandlers(ctx: AppContext): HandlersOf<'host.chooseFolder' | 'host.chooseFiles'> {
  return {
    'host.chooseFolder': async () => {
      if (!ctx.host) return { supported: false, paths: [] };
      const folder = await ctx.host.chooseFolder();
      return { supported: true, paths: folder ? [folder] : [] };
    },
    'host.chooseFiles': async () => (ctx.host ? { supported: true, paths: await ctx.host.chooseFiles() } : { supported: false, paths: [] }),
  };
}
