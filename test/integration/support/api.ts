/** Talks to the local runtime started by the global setup, over HTTP only. */
export const BASE_URL = process.env.EBOX_URL ?? 'http://127.0.0.1:3000';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; redirect?: 'manual' | 'follow' } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers,
    redirect: options.redirect ?? 'manual',
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
}

export async function personToken(ssin: string, name = 'Test Person', extra: Record<string, unknown> = {}): Promise<string> {
  const response = await call<{ access_token: string }>('POST', '/local/token', { body: { ssin, name, ...extra } });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.access_token;
}

export async function clientToken(clientId: string, scope: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await call<{ access_token: string }>('POST', '/local/token', { body: { clientId, scope, ...extra } });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.access_token;
}

export const runJob = (name: string) => call('POST', `/local/jobs/${name}`);
