import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../shared/ports/clock';
import type { Ssin } from '../../../shared/domain/ssin';

/** What a code stands for: the request it answers and who signed in. */
export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  /** The scope granted (the token response repeats it). */
  scope: string;
  nonce?: string;
  ssin: Ssin;
  name: string;
  /** When the person signed in, in seconds on the real clock (the ID token's clock). */
  authTime: number;
}

/**
 * One-time authorization codes, in memory. They expire on the runtime's clock, like everything
 * the server itself checks (so POST /local/clock can expire one in a test); only what the browser
 * checks (the ID token) is on the real clock.
 */
export class AuthorizationCodes {
  private readonly codes = new Map<string, CodeGrant & { expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs = 60_000,
    /** Bounds the memory a page reloaded in a loop could take. */
    private readonly capacity = 1_000,
  ) {}

  issue(grant: CodeGrant): string {
    const now = this.clock.now().getTime();
    for (const [code, stored] of this.codes) if (stored.expiresAt <= now) this.codes.delete(code);
    while (this.codes.size >= this.capacity) this.codes.delete(this.codes.keys().next().value as string);
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: now + this.lifetimeMs });
    return code;
  }

  /**
   * Takes the code out whatever the outcome of the exchange: a code is good for one attempt, so a
   * second use, even after a failed first one, is an unknown code (invalid_grant).
   */
  redeem(code: string): CodeGrant | undefined {
    const stored = this.codes.get(code);
    if (!stored) return undefined;
    this.codes.delete(code);
    if (stored.expiresAt <= this.clock.now().getTime()) return undefined;
    const { expiresAt: _expiresAt, ...grant } = stored;
    return grant;
  }
}
