import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { contract, mayCall, type Access, type Method } from '../../../shared/contract';
import { mayDecide, type Decision } from '../../../shared/roles';
import type { SessionInfo, User } from '../../../shared/types';
import { call, onSessionError, setToken } from '../rpc';

interface SessionCtx {
  readonly user: User | null;
  readonly locked: boolean;
  /** The lock came from the idle timer (the lock screen says so); a lock from the menu does not claim idleness. */
  readonly lockedForIdle: boolean;
  readonly idleLockMinutes: number;
  readonly checking: boolean;
  signedIn(info: SessionInfo): void;
  signOut(): Promise<void>;
  lock(): void;
  /** Same rule the main process applies (shared/contract.ts mayCall). */
  can(access: Access): boolean;
  /** May the user call this method (its access in shared/contract.ts)? */
  may(method: Method): boolean;
  /** May the user make this decision inside an input (shared/roles.ts decisionRoles)? */
  decides(decision: Decision): boolean;
}

const Ctx = createContext<SessionCtx | null>(null);

/**
 * The signed-in user and the idle lock. Locking hides the app behind an overlay but keeps it
 * mounted, so an open form keeps what was typed; the main process enforces the lock too.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [locked, setLocked] = useState(false);
  const [lockedForIdle, setLockedForIdle] = useState(false);
  const [checking, setChecking] = useState(true);
  const qc = useQueryClient();

  useEffect(() => {
    // A reload keeps the tab's token: ask who we are (a locked session answers SESSION_LOCKED).
    call('auth.me', {})
      .then((s) => setInfo(s))
      .catch(() => undefined)
      .finally(() => setChecking(false));
  }, []);

  useEffect(
    () =>
      onSessionError((e) => {
        if (e.code === 'SESSION_LOCKED') setLocked(true);
        else {
          setInfo(null);
          setLocked(false);
          setToken(null);
          qc.clear();
        }
      }),
    [qc],
  );

  const lockAs = useCallback((idle: boolean) => {
    setLocked(true);
    setLockedForIdle(idle);
    void call('auth.lock', {}).catch(() => undefined);
  }, []);
  const lock = useCallback(() => lockAs(false), [lockAs]);

  // Idle timer: any key, click or pointer movement counts as activity.
  const last = useRef(Date.now());
  const minutes = info?.idleLockMinutes ?? 15;
  useEffect(() => {
    if (!info || locked) return;
    const touch = () => (last.current = Date.now());
    const events = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    touch();
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) lockAs(true);
    }, 5_000);
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      window.clearInterval(timer);
    };
  }, [info, locked, minutes, lockAs]);

  const value = useMemo<SessionCtx>(
    () => ({
      user: info?.user ?? null,
      locked,
      lockedForIdle,
      idleLockMinutes: minutes,
      checking,
      signedIn(s) {
        setToken(s.token);
        setInfo(s);
        setLocked(false);
      },
      async signOut() {
        await call('auth.logout', {}).catch(() => undefined);
        setToken(null);
        setInfo(null);
        setLocked(false);
        qc.clear();
      },
      lock,
      can(access) {
        return mayCall(access, info?.user.role ?? null);
      },
      may(method) {
        return mayCall(contract[method].access, info?.user.role ?? null);
      },
      decides(decision) {
        return mayDecide(decision, info?.user.role ?? null);
      },
    }),
    [info, locked, lockedForIdle, minutes, checking, lock, qc],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionCtx {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
