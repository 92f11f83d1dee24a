/** The benchmark's client of the local runtime: HTTP only, as an institution or a company would call. */
export interface Answer<T> {
  status: number;
  body: T;
}

export class Api {
  constructor(readonly url: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: unknown): Promise<Answer<T>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      // A Buffer is JSON already (see fixtures' InlinePdf).
      ...(body !== undefined ? { body: Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as T };
  }

  /** Fails loudly on any other status: a benchmark of refusals would measure nothing. */
  async expect<T = Record<string, unknown>>(status: number, method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, token, body);
    if (answer.status !== status) throw new Error(`${method} ${path}: ${answer.status} (expected ${status}) ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer.body;
  }

  async token(claims: Record<string, string>): Promise<string> {
    return (await this.expect<{ access_token: string }>(200, 'POST', '/local/token', undefined, claims)).access_token;
  }
}
