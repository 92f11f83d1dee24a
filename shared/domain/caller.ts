import type { Ssin } from './ssin';

/**
 * Who is calling, as the token says: a person (signed in through the OpenID provider, with an
 * SSIN) or a machine client (OAuth2 client credentials). What they may do is decided by the
 * e-Box's own grants and bindings, never by the token alone.
 */
export type Caller = { kind: 'person'; ssin: Ssin; name: string; scopes: readonly string[] } | { kind: 'client'; clientId: string; scopes: readonly string[] };

/** The identifier written in audit trails and logs. */
export function callerId(caller: Caller): string {
  return caller.kind === 'person' ? caller.ssin : caller.clientId;
}
