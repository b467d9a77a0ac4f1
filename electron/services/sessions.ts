import { randomBytes } from 'node:crypto';

export interface Session {
  readonly token: string;
  readonly userId: string;
  lastActivity: number;
  locked: boolean;
}

/**
 * Signed-in sessions, in memory only: a restart signs everyone out, which is what a shared office
 * PC wants. The token is a random 256-bit value; the transports carry it, never the renderer's
 * storage beyond the tab's lifetime.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(userId: string, now: number): Session {
    const session: Session = { token: randomBytes(32).toString('base64url'), userId, lastActivity: now, locked: false };
    this.sessions.set(session.token, session);
    return session;
  }

  get(token: string | null): Session | null {
    return token ? (this.sessions.get(token) ?? null) : null;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of the user, but `keep` (the session that asked, when it stays signed in). */
  endAllOf(userId: string, keep: string | null = null): void {
    for (const [token, s] of this.sessions) if (s.userId === userId && token !== keep) this.sessions.delete(token);
  }
}
