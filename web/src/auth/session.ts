/**
 * The signed-in person's tokens, in sessionStorage only: they last as long as the tab and never
 * reach localStorage. The access token is what the API wants; the ID token is kept for sign-out.
 */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds (browser clock) after which the access token is not used any more. */
  expiresAt: number;
  idToken?: string;
  name: string;
}

const KEY = 'ebox.session';
/** A token this close to its end is not worth sending. */
const MARGIN_MS = 30_000;

export function readSession(now = Date.now()): Session | undefined {
  try {
    const stored = sessionStorage.getItem(KEY);
    if (!stored) return undefined;
    const session = JSON.parse(stored) as Session;
    return typeof session.accessToken === 'string' && session.expiresAt - MARGIN_MS > now ? session : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
