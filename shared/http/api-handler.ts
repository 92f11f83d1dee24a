import { randomUUID } from 'node:crypto';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { z } from 'zod';
import type { Caller } from '../domain/caller';
import { InvalidInputError } from '../domain/errors';
import { container } from '../container';
import { logger } from '../logger';
import { observability } from '../observability';
import type { AccessTokenVerifier } from './access-tokens';
import { readCaller, requireScope } from './auth';
import { toProblem } from './problem';
import { jsonResponse, problemResponse, type ApiResult } from './responses';
import type { RouteContract } from './route-contract';
import { parseInput } from './validation';

type ApiEvent = APIGatewayProxyEventV2;
type ApiResponse = APIGatewayProxyStructuredResultV2;

interface RequestState {
  traceId: string;
  log: Logger;
  startedAt: number;
}

export interface ApiRequest<P, Q, B> {
  caller: Caller;
  /** This request's BelGov-Trace-Id, for what outlives the request (stored items, queued jobs). */
  traceId: string;
  params: P;
  query: Q;
  body: B;
  event: ApiEvent;
  log: Logger;
}

export interface PublicRequest<P, Q> {
  params: P;
  query: Q;
  event: ApiEvent;
  log: Logger;
}

// Strict: a parameter the route does not know is refused (400 unknownInput), never ignored.
const empty = z.strictObject({});
const states = new WeakMap<ApiEvent, RequestState>();

/**
 * The client's own BelGov-Trace-Id, when it is a plain token: anything else (too long, markup,
 * spaces) is neither echoed nor logged.
 */
function clientTraceId(event: ApiEvent): string | undefined {
  const value = event.headers?.['belgov-trace-id'];
  return value !== undefined && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;
}

/**
 * Trace ids, request logs and problem+json for every failure. The server always answers with a
 * fresh BelGov-Trace-Id; a client's own trace id comes back as BelGov-Related-Trace-Id.
 */
function httpContext(): MiddlewareObj<ApiEvent, ApiResponse> {
  const finish = (event: ApiEvent, response: ApiResponse): ApiResponse => {
    const state = states.get(event);
    const related = clientTraceId(event);
    const headers = { ...response.headers, ...(state ? { 'BelGov-Trace-Id': state.traceId } : {}), ...(related ? { 'BelGov-Related-Trace-Id': related } : {}) };
    state?.log.info('request handled', { status: response.statusCode, durationMs: Date.now() - state.startedAt });
    return { ...response, headers };
  };
  return {
    before: ({ event }) => {
      const traceId = randomUUID();
      const log = logger.createChild({
        persistentKeys: { traceId, relatedTraceId: clientTraceId(event), route: event.routeKey, path: event.rawPath },
      });
      states.set(event, { traceId, log, startedAt: Date.now() });
    },
    after: (request) => {
      request.response = finish(request.event, request.response ?? jsonResponse({ status: 204 }));
    },
    onError: (request) => {
      const problem = toProblem(request.error);
      const log = states.get(request.event)?.log ?? logger;
      if (problem.status >= 500) log.error('request failed', { error: request.error as Error });
      else log.info('request refused', { status: problem.status, problemType: problem.type, detail: problem.detail });
      request.response = finish(request.event, problemResponse({ ...problem, instance: request.event.rawPath }));
    },
  };
}

function parseJsonBody(event: ApiEvent): unknown {
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType)) {
    throw new InvalidInputError(
      [{ in: 'header', name: 'Content-Type', detail: 'Content-Type must be application/json', ...(contentType.length <= 100 ? { value: contentType } : {}) }],
      'The request body must be JSON (Content-Type: application/json)',
    );
  }
  const text = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (!text) throw new InvalidInputError([{ in: 'body', name: 'body', detail: 'A JSON body is required' }], 'A JSON body is required');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidInputError([{ in: 'body', name: 'body', detail: 'The body is not valid JSON' }], 'The body is not valid JSON');
  }
}

function build(handle: (event: ApiEvent, state: RequestState) => Promise<ApiResult>) {
  return middy<ApiEvent, ApiResponse, Error, Context>()
    .use(observability())
    .use(httpContext())
    .handler(async (event) => {
      const state = states.get(event);
      if (!state) throw new Error('httpContext runs before every handler');
      return jsonResponse(await handle(event, state));
    });
}

/** A Lambda handler built from its route's contract, which it carries for the consistency tests. */
export type RouteHandler = ReturnType<typeof build> & { readonly contract: RouteContract };

const withContract = (handler: ReturnType<typeof build>, contract: RouteContract): RouteHandler => Object.assign(handler, { contract });

/** The container's verifier, created on the first request (not at import: a handler module loads without configuration). */
const containerAccessTokens = (): AccessTokenVerifier => container().accessTokens;

/**
 * An authenticated route: the bearer token verified here (not by API Gateway, so a refusal is
 * problem+json), the caller read from its claims, the contract's scopes checked, its inputs
 * validated by its zod schemas.
 */
export function routeHandler<P extends z.ZodType = typeof empty, Q extends z.ZodType = typeof empty, B extends z.ZodType = typeof empty>(
  contract: RouteContract<P, Q, B>,
  run: (request: ApiRequest<z.output<P>, z.output<Q>, z.output<B>>) => Promise<ApiResult>,
  accessTokens: () => AccessTokenVerifier = containerAccessTokens,
): RouteHandler {
  const { security } = contract;
  if (security === 'public') throw new Error(`${contract.method} ${contract.path} is public: build it with publicRouteHandler`);
  const handler = build(async (event, { log, traceId }) => {
    const caller = readCaller(await accessTokens().verify(event.headers?.authorization));
    requireScope(caller, security);
    const params = parseInput((contract.params ?? empty) as P, event.pathParameters ?? {}, 'path');
    const query = parseInput((contract.query ?? empty) as Q, event.queryStringParameters ?? {}, 'query');
    const body = contract.body ? parseInput(contract.body, parseJsonBody(event), 'body') : ({} as z.output<B>);
    return run({ caller, traceId, params, query, body, event, log });
  });
  return withContract(handler, contract);
}

/** A route without a token (health, the OpenAPI document). */
export function publicRouteHandler<P extends z.ZodType = typeof empty, Q extends z.ZodType = typeof empty>(
  contract: RouteContract<P, Q>,
  run: (request: PublicRequest<z.output<P>, z.output<Q>>) => Promise<ApiResult>,
): RouteHandler {
  if (contract.security !== 'public') throw new Error(`${contract.method} ${contract.path} needs a token: build it with routeHandler`);
  const handler = build(async (event, { log }) => {
    const params = parseInput((contract.params ?? empty) as P, event.pathParameters ?? {}, 'path');
    const query = parseInput((contract.query ?? empty) as Q, event.queryStringParameters ?? {}, 'query');
    return run({ params, query, event, log });
  });
  return withContract(handler, contract);
}
