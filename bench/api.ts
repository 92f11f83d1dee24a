import type { RouteInvoker } from '../infra/local/gateway';

/** The benchmark's clients of the local runtime: over HTTP, as an institution or a company would call, or in-process. */
export interface Answer<T> {
  status: number;
  body: T;
}

/** A request body: a value sent as JSON, or a Buffer that is JSON already (see fixtures' InlinePdf). */
type Body = unknown;
const jsonBytes = (body: Body): Buffer => (Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)));

export abstract class ApiClient {
  abstract call<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: Body): Promise<Answer<T>>;

  /** Fails loudly on any other status: a benchmark of refusals would measure nothing. */
  async expect<T = Record<string, unknown>>(status: number, method: string, path: string, token?: string, body?: Body): Promise<T> {
    const answer = await this.call<T>(method, path, token, body);
    if (answer.status !== status) throw new Error(`${method} ${path}: ${answer.status} (expected ${status}) ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer.body;
  }
}

const headersOf = (token: string | undefined, body: Body): Record<string, string> => ({
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
});

const parsed = <T>(text: string, contentType: string): T => (text && contentType.includes('json') ? JSON.parse(text) : {}) as T;

/** Over HTTP: what a client of the local runtime sees. */
export class Api extends ApiClient {
  constructor(readonly url: string) {
    super();
  }

  async call<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: Body): Promise<Answer<T>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      redirect: 'manual',
      headers: headersOf(token, body),
      ...(body !== undefined ? { body: jsonBytes(body) } : {}),
    });
    return { status: response.status, body: parsed<T>(await response.text(), response.headers.get('content-type') ?? '') };
  }

  async token(claims: Record<string, string>): Promise<string> {
    return (await this.expect<{ access_token: string }>(200, 'POST', '/local/token', undefined, claims)).access_token;
  }
}

/**
 * The same request handed to its handler in-process, as the local gateway does once it has read
 * the HTTP request: the handler's own time, without the local HTTP (which API Gateway replaces in AWS).
 */
export class InProcessApi extends ApiClient {
  constructor(private readonly invoke: RouteInvoker) {
    super();
  }

  async call<T = Record<string, unknown>>(method: string, path: string, token?: string, body?: Body): Promise<Answer<T>> {
    const result = await this.invoke({
      method,
      url: new URL(path, 'http://localhost'),
      headers: { host: 'localhost', ...headersOf(token, body) },
      body: body === undefined ? Buffer.alloc(0) : jsonBytes(body),
      httpVersion: '1.1',
    });
    if (!result) throw new Error(`${method} ${path}: no route`);
    const text = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString('utf8') : result.body;
    const contentType = Object.entries(result.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    return { status: result.statusCode ?? 200, body: parsed<T>(text, String(contentType ?? '')) };
  }
}
