import { describe, expect, it, vi } from 'vitest';
import { makeFakeElectron } from './fake-electron';

const fake = makeFakeElectron();
vi.mock('electron', () => fake);

describe('preload', () => {
  it('exposes one invoke function on the rpc channel and forwards only the envelope fields', async () => {
    await import('../../electron/preload/preload');
    expect(Object.keys(fake.contextBridge.exposed)).toEqual(['mitra']);
    const api = fake.contextBridge.exposed.mitra as { invoke: (e: unknown) => Promise<unknown> };
    expect(Object.keys(api)).toEqual(['invoke']);
    await expect(api.invoke({ method: 'app.status', input: {}, token: null, extra: 'dropped' })).resolves.toEqual({ ok: true, value: null });
    expect(fake.ipcRenderer.sent).toEqual([['rpc', { method: 'app.status', input: {}, token: null }]]);
  });
});
