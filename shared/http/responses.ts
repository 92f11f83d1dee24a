import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { belgif, type Problem } from './problem';

/** What a route returns; the HTTP stack serialises it. */
export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown, headers?: Record<string, string>): ApiResult => ({ status: 200, body, ...(headers ? { headers } : {}) });
export const created = (body: unknown, location: string): ApiResult => ({ status: 201, body, headers: { Location: location } });
export const noContent = (): ApiResult => ({ status: 204 });
const redirect = (location: string, headers: Record<string, string> = {}): ApiResult => ({
  status: 302,
  headers: { Location: location, 'Cache-Control': 'no-store', ...headers },
});

/**
 * A PDF download: 302 to its short-lived URL with the recorded digest. A client that asks for
 * JSON (`Accept: application/json`; a web page cannot read a redirect's Location) gets 200 with
 * the link instead, and opens it itself.
 */
export function download(link: { url: string; expiresAt: string; sha256: string }, accept: string | undefined): ApiResult {
  const headers = { 'Repr-Digest': `sha-256=:${Buffer.from(link.sha256, 'hex').toString('base64')}:`, 'Cache-Control': 'no-store' };
  if (accept?.toLowerCase().includes('application/json')) return { status: 200, body: { url: link.url, expiresAt: link.expiresAt }, headers };
  return redirect(link.url, headers);
}

export function jsonResponse(result: ApiResult): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) return { statusCode: result.status, headers };
  return {
    statusCode: result.status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(result.body),
  };
}

/** RFC 6750: a 401 names the scheme, and says `invalid_token` when a token was sent but refused. */
const BEARER_CHALLENGES: Readonly<Record<string, string>> = {
  [belgif('noAccessToken')]: 'Bearer realm="ebox"',
  [belgif('invalidAccessToken')]: 'Bearer realm="ebox", error="invalid_token"',
  [belgif('expiredAccessToken')]: 'Bearer realm="ebox", error="invalid_token", error_description="The access token expired"',
};

export function problemResponse(problem: Problem): APIGatewayProxyStructuredResultV2 {
  const challenge = BEARER_CHALLENGES[problem.type];
  return {
    statusCode: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...(challenge ? { 'WWW-Authenticate': challenge } : {}) },
    body: JSON.stringify(problem),
  };
}
