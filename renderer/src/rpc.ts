import type { InputOf, Method, OutputOf } from '../../shared/contract';
import { AppError, isErrorData, type RpcResult } from '../../shared/errors';

interface Envelope {
  readonly method: string;
  readonly input: unknown;
  readonly token: string | null;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web preview. */
    mitra?: { invoke(envelope: Envelope): Promise<RpcResult<unknown>> };
  }
}

/**
 * The web preview prints an address with a per-launch key (?key=...). It is kept for the tab's
 * lifetime and removed from the address bar so it does not end up in screenshots or history.
 */
function webKey(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('key');
  if (fromUrl) {
    sessionStorage.setItem('mitra.key', fromUrl);
    params.delete('key');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
  }
  return sessionStorage.getItem('mitra.key') ?? '';
}

const transport: (e: Envelope) => Promise<RpcResult<unknown>> = window.mitra
  ? (e) => window.mitra!.invoke(e)
  : (() => {
      const key = webKey();
      return async (e: Envelope) => {
        const res = await fetch('./rpc', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Mitra-Key': key }, body: JSON.stringify(e) });
        if (!res.ok) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'rpc.offline' } } as const;
        return (await res.json()) as RpcResult<unknown>;
      };
    })();

/** The session token lives in memory and in sessionStorage (survives a reload, not a closed window). */
let token: string | null = sessionStorage.getItem('mitra.token');
export function setToken(t: string | null): void {
  token = t;
  if (t) sessionStorage.setItem('mitra.token', t);
  else sessionStorage.removeItem('mitra.token');
}

type Listener = (e: AppError) => void;
const listeners = new Set<Listener>();
/** Session-level errors (locked, signed out) are broadcast so the shell can react wherever they occur. */
export function onSessionError(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export async function call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  let result: RpcResult<unknown>;
  try {
    result = await transport({ method, input, token });
  } catch {
    throw new AppError('INTERNAL', 'rpc.offline');
  }
  if (result.ok) return result.value as OutputOf<M>;
  const error = isErrorData(result.error) ? AppError.fromData(result.error) : new AppError('INTERNAL', 'rpc.internal');
  if ((error.code === 'SESSION_LOCKED' || error.code === 'UNAUTHENTICATED') && method !== 'auth.login' && method !== 'auth.unlock') {
    for (const l of listeners) l(error);
  }
  throw error;
}

/** Offers a file returned by the main process (base64) to the user as a download. */
export function saveFile(file: { filename: string; mime: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file the user picked as base64 for an upload call; the main process checks what it really is. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
