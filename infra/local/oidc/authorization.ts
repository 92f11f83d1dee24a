import { z } from 'zod';
import { parseSsin } from '../../../shared/domain/ssin';
import type { LocalResponse } from '../gateway';
import type { AuthorizationCodes } from './authorization-codes';
import { checkAuthorizationRequest, GRANTED_SCOPE, type AuthorizationCheck } from './authorization-request';
import type { RegisteredClient } from './client';
import { requestErrorPage } from './notice-pages';
import type { OAuthParameters } from './parameters';
import { page, redirect } from './responses';
import { signInPage, type SignInField } from './sign-in-page';

interface Context {
  issuer: string;
  client: RegisteredClient;
  codes: AuthorizationCodes;
}

/** The sign-in form's answer. Separators are allowed as people write the number (85.07.30-033.28). */
const signInSchema = z.object({
  ssin: z
    .string()
    .max(40, 'Enter a national number of 11 digits')
    .transform((input, ctx) => {
      const digits = input.replace(/[\s.-]/g, '');
      if (!digits) {
        ctx.addIssue({ code: 'custom', message: 'Enter your national number (SSIN)' });
        return z.NEVER;
      }
      const parsed = parseSsin(digits);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `Enter a valid national number: ${parsed.reason}` });
        return z.NEVER;
      }
      return parsed.value;
    }),
  name: z.string().trim().min(1, 'Enter your name').max(200, 'Enter a name of at most 200 characters'),
});

/** Where the client learns the outcome (RFC 6749 §4.1.2, with the issuer of RFC 9207 against mix-up). */
function back(redirectUri: string, issuer: string, parameters: Record<string, string | undefined>): LocalResponse {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries({ ...parameters, iss: issuer })) if (value !== undefined) url.searchParams.set(name, value);
  return redirect(url.href);
}

function refusal(check: Exclude<AuthorizationCheck, { ok: true }>, context: Context): LocalResponse {
  if (!check.redirect) return page(400, requestErrorPage(check.description), context.client.origins);
  return back(check.redirectUri, context.issuer, { error: check.error, error_description: check.description, state: check.state });
}

/** GET /local/authorize (and a POST of the same request, which OpenID Connect also allows): the sign-in page. */
export function showSignIn(parameters: OAuthParameters, context: Context): LocalResponse {
  const check = checkAuthorizationRequest(parameters, context.client);
  if (!check.ok) return refusal(check, context);
  return page(200, signInPage(check.request), context.client.origins);
}

/**
 * POST /local/authorize from the sign-in page: the request again (hidden inputs, checked again:
 * they came through the browser) and who to be. Mistakes come back on the page with status 400;
 * a valid answer goes back to the client with a one-time code.
 */
export function signIn(form: OAuthParameters, context: Context): LocalResponse {
  const check = checkAuthorizationRequest(form, context.client);
  if (!check.ok) return refusal(check, context);
  const typed = { ssin: form.values.ssin ?? '', name: form.values.name ?? '' };
  const parsed = signInSchema.safeParse(typed);
  if (!parsed.success) {
    const errors: Partial<Record<SignInField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'ssin' || field === 'name') && !errors[field]) errors[field] = issue.message;
    }
    return page(400, signInPage(check.request, { values: typed, errors }), context.client.origins);
  }
  const { request } = check;
  const code = context.codes.issue({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scope: GRANTED_SCOPE,
    nonce: request.nonce,
    ssin: parsed.data.ssin,
    name: parsed.data.name,
    authTime: Math.floor(Date.now() / 1000),
  });
  return back(request.redirectUri, context.issuer, { code, state: request.state });
}
