import createClient from 'openapi-fetch';
import { readSession } from '../auth/session';
import { ApiError, isProblem, type Problem } from '../lib/problems';
import type { components, paths } from './schema';

/** The API's own types, generated from its OpenAPI document (npm run web:api). */
export type Schemas = components['schemas'];

/** The public API on the portal's own origin, with the signed-in person's token. */
export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const session = readSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
});

let onSignedOut: () => void = () => undefined;

/** What to do when the API says the token is missing, invalid or expired: sign in again. */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

const unreachable: Problem = { type: 'about:blank', title: 'Network error', status: 0, detail: 'The e-Box could not be reached' };

/** The data of a successful call; a refusal becomes an ApiError (and a 401 sends the person to sign in). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(unreachable);
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const problem: Problem = isProblem(error) ? error : { type: 'about:blank', title: response.statusText, status: response.status, detail: response.statusText };
  if (response.status === 401) onSignedOut();
  throw new ApiError(problem, response.headers.get('BelGov-Trace-Id') ?? undefined);
}
