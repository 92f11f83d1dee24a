import * as oauth from 'oauth4webapi';
import type { PortalConfig } from '../config';
import { clearSession, readSession, saveSession } from './session';

/**
 * Sign-in with OpenID Connect, authorization code + PKCE, through oauth4webapi (a certified
 * client): the portal is a public client, so the code verifier, state and nonce it makes for one
 * sign-in wait in sessionStorage during the round trip to the provider.
 */
const PENDING_KEY = 'ebox.signin';
const SCOPE = 'openid profile ebox/read';

interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

const redirectUri = () => `${window.location.origin}/callback`;
const signedOutUri = () => `${window.location.origin}/signed-out`;

/** Plain http is only acceptable for the local runtime's own issuer. */
function transportOptions(config: PortalConfig) {
  const local = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(`${config.issuer}/`);
  return local ? { [oauth.allowInsecureRequests]: true } : {};
}

let discovered: Promise<oauth.AuthorizationServer> | undefined;
/** One sign-in at a time: a second would overwrite the first one's state and verifier. */
let leaving = false;

function provider(config: PortalConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  discovered ??= oauth
    .discoveryRequest(issuer, { algorithm: 'oidc', ...transportOptions(config) })
    .then((response) => oauth.processDiscoveryResponse(issuer, response))
    .catch((error: unknown) => {
      discovered = undefined; // try again next time
      throw error;
    });
  return discovered;
}

/** Sends the browser to the provider's sign-in; `returnTo` is where the person comes back after. */
export async function startSignIn(config: PortalConfig, returnTo: string, language: string): Promise<void> {
  if (leaving) return;
  leaving = true;
  const as = await provider(config).catch((error: unknown) => {
    leaving = false;
    throw error;
  });
  if (!as.authorization_endpoint) throw new Error('The OpenID provider has no authorization endpoint');
  const pending: PendingSignIn = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    returnTo: returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/',
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: SCOPE,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    ui_locales: language,
  }).toString();
  window.location.assign(url.toString());
}

/** Finishes the sign-in on /callback: checks state, exchanges the code, keeps the tokens; returns where to go. */
export async function completeSignIn(config: PortalConfig, callbackUrl: URL): Promise<string> {
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!stored) throw new Error('No sign-in was started in this tab');
  const pending = JSON.parse(stored) as PendingSignIn;
  const as = await provider(config);
  const client: oauth.Client = { client_id: config.clientId };
  const parameters = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), parameters, redirectUri(), pending.verifier, transportOptions(config));
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  saveSession({
    accessToken: tokens.access_token,
    expiresAt: Date.now() + (tokens.expires_in ?? 300) * 1000,
    ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
    name: typeof claims?.name === 'string' ? claims.name : '',
  });
  return pending.returnTo;
}

/** Forgets the tokens, then ends the session at the provider when it offers that. */
export async function signOut(config: PortalConfig): Promise<void> {
  const idToken = readSession(0)?.idToken;
  clearSession();
  const as = await provider(config).catch(() => undefined);
  if (!as?.end_session_endpoint) {
    window.location.assign('/signed-out');
    return;
  }
  const url = new URL(as.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    post_logout_redirect_uri: signedOutUri(),
    ...(idToken ? { id_token_hint: idToken } : {}),
  }).toString();
  window.location.assign(url.toString());
}
