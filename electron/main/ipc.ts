import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { RpcResult } from '../../shared/errors';
import type { Envelope } from '../services/dispatch';
import { isAppUrl } from './protocol';

export const RPC_CHANNEL = 'rpc';

/**
 * Only our own page in our own window may call the services: the sender must be the main frame of
 * the main window and show an app:// page. A subframe, another window or a navigated-away page is
 * refused before anything is dispatched.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  if (event.sender !== win.webContents || frame !== win.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

const FORBIDDEN: RpcResult<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'auth.forbidden' } };

export function registerRpc(ipcMain: IpcMain, dispatch: (e: Envelope) => Promise<RpcResult<unknown>>, getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(RPC_CHANNEL, async (event, envelope: unknown) => {
    if (!isTrustedSender(event, getWindow())) return FORBIDDEN;
    const e = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Partial<Envelope>;
    return dispatch({ method: e.method, input: e.input, token: e.token });
  });
}
