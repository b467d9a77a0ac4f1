import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeFrame, makeFakeElectron, type FakeElectron } from './fake-electron';

const fake: FakeElectron = makeFakeElectron();
vi.mock('electron', () => fake);

beforeEach(() => {
  Object.assign(fake, makeFakeElectron());
  vi.resetModules();
});

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: 'auth.forbidden' } };

async function setup() {
  const { registerRpc } = await import('../../electron/main/ipc');
  const win = new FakeBrowserWindow({});
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'dispatched' }));
  registerRpc(fake.ipcMain as never, dispatch, () => win as never);
  const handler = fake.ipcMain.handlers.get('rpc');
  if (!handler) throw new Error('no handler on the rpc channel');
  return { win, dispatch, handler };
}

describe('RPC over IPC', () => {
  it('dispatches a call from the main frame of our window on app://mitra', async () => {
    const { win, dispatch, handler } = await setup();
    const result = await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, { method: 'app.status', input: {}, token: null });
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith({ method: 'app.status', input: {}, token: null });
  });

  it('passes only the envelope fields on, whatever else the page sends', async () => {
    const { win, dispatch, handler } = await setup();
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await handler(event, { method: 'partners.list', input: { q: 'a' }, token: 't', __proto__: { admin: true }, extra: 1 });
    await handler(event, 'not an object');
    expect(dispatch.mock.calls).toEqual([
      [{ method: 'partners.list', input: { q: 'a' }, token: 't' }],
      [{ method: undefined, input: undefined, token: undefined }],
    ]);
  });

  it('refuses a subframe without dispatching', async () => {
    const { win, dispatch, handler } = await setup();
    expect(
      await handler({ sender: win.webContents, senderFrame: new FakeFrame('app://mitra/index.html') }, { method: 'users.list', input: {}, token: 't' }),
    ).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses our main frame once it shows another origin', async () => {
    const { win, dispatch, handler } = await setup();
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///C:/x.html', 'about:blank']) {
      win.webContents.mainFrame.url = url;
      expect(await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, { method: 'users.list', input: {}, token: 't' }), url).toEqual(
        FORBIDDEN,
      );
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses another window and a sender whose frame is gone', async () => {
    const { win, dispatch, handler } = await setup();
    const other = new FakeBrowserWindow({});
    expect(await handler({ sender: other.webContents, senderFrame: other.webContents.mainFrame }, { method: 'users.list', input: {}, token: 't' })).toEqual(
      FORBIDDEN,
    );
    expect(await handler({ sender: win.webContents, senderFrame: null }, { method: 'users.list', input: {}, token: 't' })).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });
});
