import { randomUUID } from 'node:crypto';
import { createServer, maxHeaderSize, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteDefinition } from '../../functions/routes';
import { PayloadTooLargeError } from '../../shared/domain/errors';
import { badRequest, headersTooLarge, notFound, toProblem, type Problem } from '../../shared/http/problem';
import { logger } from '../../shared/logger';
import { lambdaContext } from './lambda-context';
import { observing } from './observed-access';

type ApiHandler = (event: APIGatewayProxyEventV2, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2>;

export interface GatewayRoute {
  definition: RouteDefinition;
  handler: ApiHandler;
}

/** What a local-only endpoint answers: JSON (problem+json from 400 up), or a page or redirect of its own. */
export type LocalResponse = { status: number; body: unknown } | { status: number; headers: Record<string, string>; raw: string | Buffer };

/** Requests API Gateway would not route to a function (local tooling: issuer, clock, jobs). */
export type LocalEndpoint = (request: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
  headers: IncomingMessage['headers'];
}) => Promise<LocalResponse | undefined>;

/** The portal's static files (what CloudFront serves from S3 in AWS). */
export type PortalFiles = (pathname: string) => Promise<{ status: number; headers: Record<string, string>; body: Buffer } | undefined>;

/** Paths CloudFront sends to the API (or that exist only locally); everything else is the portal's. */
const API_PATHS = /^\/(v1|local|evidence)(\/|$)|^\/(health|openapi\.json)$/;

/** Lambda's synchronous invocation payload limit: API Gateway answers 413 beyond it. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

interface CompiledRoute extends GatewayRoute {
  pattern: RegExp;
  names: string[];
}

function compile(route: GatewayRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.definition.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer): void {
  response.writeHead(status, headers);
  response.end(body);
}

function sendProblem(response: ServerResponse, problem: Problem, instance: string): void {
  send(response, problem.status, { 'Content-Type': 'application/problem+json', 'BelGov-Trace-Id': randomUUID() }, JSON.stringify({ ...problem, instance }));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Reads to the end even past the limit, so the 413 goes back on a clean connection.
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_PAYLOAD_BYTES) throw new PayloadTooLargeError(`The request body exceeds ${MAX_PAYLOAD_BYTES} bytes`);
  return Buffer.concat(chunks);
}

const TEXT_TYPES = /^(text\/|application\/([\w.+-]+\+)?(json|xml|x-www-form-urlencoded))/i;

/** What the gateway reads of an HTTP request (an IncomingMessage, or a request made up in-process). */
interface GatewayRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  httpVersion: string;
  remoteAddress?: string;
}

/** Turns an HTTP request into the API Gateway HTTP API (payload 2.0) event Lambda would receive. */
function toEvent(request: GatewayRequest, route: CompiledRoute, match: RegExpExecArray): APIGatewayProxyEventV2 {
  const { url, body } = request;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  // A Map, then Object.fromEntries: `?__proto__=x` must become an own key (as JSON.parse makes it in
  // Lambda), which validation then refuses, not a prototype assignment that silently vanishes.
  const query = new Map<string, string>();
  for (const [name, value] of url.searchParams) query.set(name, query.has(name) ? `${query.get(name)},${value}` : value);
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value; // API Gateway passes a malformed escape through; the handler's validation refuses it
    }
  };
  const pathParameters = Object.fromEntries(route.names.map((name, index) => [name, decode(match[index + 1] ?? '')]));
  const routeKey = `${route.definition.method} ${route.definition.path}`;
  const binary = body.length > 0 && !TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(query.size ? { queryStringParameters: Object.fromEntries(query) } : {}),
    ...(route.names.length ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: route.definition.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: binary ? body.toString('base64') : body.toString('utf8'), isBase64Encoded: binary } : { isBase64Encoded: false }),
  };
}

/**
 * Routes a request to the handler of its route, invoked in-process with the event API Gateway would
 * send; undefined when no route matches. The gateway's HTTP server goes through here, and so can a
 * caller without HTTP (the benchmark, to tell the handler's time from the local HTTP's).
 */
export type RouteInvoker = (request: GatewayRequest) => Promise<APIGatewayProxyStructuredResultV2 | undefined>;

export function createInvoker(gatewayRoutes: GatewayRoute[]): RouteInvoker {
  const routes = gatewayRoutes.map(compile);
  return async (request) => {
    for (const route of routes) {
      const match = route.definition.method === request.method ? route.pattern.exec(request.url.pathname) : null;
      if (!match) continue;
      const event = toEvent(request, route, match);
      return observing(event.routeKey, () => route.handler(event, lambdaContext(route.definition.handler)));
    }
    return undefined;
  };
}

/**
 * The local stand-in for API Gateway: a plain HTTP → event adapter that routes each request to an
 * in-process invocation of the very handler that runs in AWS. No authorizer here, as in AWS: the
 * handlers verify the bearer tokens themselves.
 */
export function createGateway(options: { invoke: RouteInvoker; local: LocalEndpoint; portal?: PortalFiles }): Server {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    void (async () => {
      try {
        const body = await readBody(request);
        const local = await options.local({ method, path: url.pathname, query: url.searchParams, body, headers: request.headers });
        if (local) {
          if ('raw' in local) send(response, local.status, local.headers, local.raw);
          else
            send(response, local.status, { 'Content-Type': local.status >= 400 ? 'application/problem+json' : 'application/json' }, JSON.stringify(local.body));
          return;
        }
        const result = await options.invoke({
          method,
          url,
          headers: request.headers,
          body,
          httpVersion: request.httpVersion,
          ...(request.socket.remoteAddress ? { remoteAddress: request.socket.remoteAddress } : {}),
        });
        if (result) {
          const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
          send(
            response,
            result.statusCode ?? 200,
            headers,
            result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body,
          );
          return;
        }
        const page =
          options.portal && (method === 'GET' || method === 'HEAD') && !API_PATHS.test(url.pathname) ? await options.portal(url.pathname) : undefined;
        if (page) {
          send(response, page.status, page.headers, method === 'HEAD' ? undefined : page.body);
          return;
        }
        sendProblem(response, notFound(`No route matches ${method} ${url.pathname}`), url.pathname);
      } catch (error) {
        const problem = toProblem(error);
        if (problem.status >= 500) logger.error('local gateway failure', { error: error as Error, path: url.pathname });
        if (!response.headersSent) sendProblem(response, problem, url.pathname);
        else response.destroy();
      }
    })();
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerUnreadableRequest(error, socket));
  return server;
}

/**
 * Requests Node cannot even parse (headers over its 16 KB limit, broken HTTP) never reach a
 * route; they still get problem+json, written straight to the socket, like every other error.
 */
function answerUnreadableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem = error.code === 'HPE_HEADER_OVERFLOW' ? headersTooLarge(maxHeaderSize) : badRequest([], 'The request is not valid HTTP');
  const body = JSON.stringify(problem);
  const reason = problem.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    [
      `HTTP/1.1 ${problem.status} ${reason}`,
      'Content-Type: application/problem+json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `BelGov-Trace-Id: ${randomUUID()}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
