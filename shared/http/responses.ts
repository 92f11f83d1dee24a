import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Problem } from './problem';

/** What a route returns; the HTTP stack serialises it. */
export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown, headers?: Record<string, string>): ApiResult => ({ status: 200, body, ...(headers ? { headers } : {}) });
export const created = (body: unknown, location: string): ApiResult => ({ status: 201, body, headers: { Location: location } });
export const noContent = (): ApiResult => ({ status: 204 });
export const redirect = (location: string, headers: Record<string, string> = {}): ApiResult => ({
  status: 302,
  headers: { Location: location, 'Cache-Control': 'no-store', ...headers },
});

export function jsonResponse(result: ApiResult): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) return { statusCode: result.status, headers };
  return {
    statusCode: result.status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(result.body),
  };
}

export function problemResponse(problem: Problem): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: JSON.stringify(problem),
  };
}
