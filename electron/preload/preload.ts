/**
 * The renderer's only door to the main process: one function that sends an RPC envelope.
 * ipcRenderer itself is never exposed (it would let a compromised page send on any channel).
 * Bundled to CommonJS because sandboxed preloads cannot be ES modules.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('mitra', {
  invoke: (envelope: { method: string; input: unknown; token: string | null }) =>
    ipcRenderer.invoke('rpc', { method: envelope.method, input: envelope.input, token: envelope.token }),
});
