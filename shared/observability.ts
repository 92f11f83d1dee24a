import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { logger } from './logger';

const SERVICE = 'ebox-enterprise';

let tracerInstance: Tracer | undefined;
let metricsInstance: Metrics | undefined;

/**
 * Whether this process traces, as Powertools' Tracer would decide it (inside Lambda, unless
 * POWERTOOLS_TRACE_ENABLED=false), decided before loading it: the X-Ray SDK enables async hooks
 * that tax every promise of the process, which the local runtime, the tests and the bench would
 * pay for nothing (3–4 % of the bench's CPU).
 */
const tracing = (): boolean => Boolean(process.env.AWS_EXECUTION_ENV) && process.env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false';

/**
 * X-Ray (Powertools Tracer), only where `tracing()`. Made, and the X-Ray SDK loaded, at the first
 * invocation rather than in the cold start's init: ~70 ms of it here.
 */
function tracer(): Tracer {
  if (!tracerInstance) {
    const { Tracer } = require('@aws-lambda-powertools/tracer') as typeof import('@aws-lambda-powertools/tracer');
    tracerInstance = new Tracer({ serviceName: SERVICE });
  }
  return tracerInstance;
}

/** The business metrics of this container, flushed after each invocation (EMF lines in the log); made on the first count. */
export function powertoolsMetrics(): Metrics {
  if (!metricsInstance) {
    const { Metrics } = require('@aws-lambda-powertools/metrics') as typeof import('@aws-lambda-powertools/metrics');
    metricsInstance = new Metrics({ namespace: 'EboxEnterprise', serviceName: SERVICE });
  }
  return metricsInstance;
}

/**
 * Flushes what the invocation counted. Not Powertools' logMetrics: it warns on every invocation
 * that counted nothing (most reads), which would drown the logs.
 */
const flushMetrics = (): MiddlewareObj => {
  const flush = () => {
    if (metricsInstance?.hasStoredMetrics()) metricsInstance.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
};

/** A middleware made, and its module loaded, at the first invocation that runs it. */
const lazyMiddleware = (make: () => MiddlewareObj): MiddlewareObj => {
  let made: MiddlewareObj | undefined;
  const middleware = (): MiddlewareObj => {
    made ??= make();
    return made;
  };
  return {
    before: (request) => middleware().before?.(request),
    after: (request) => middleware().after?.(request),
    onError: (request) => middleware().onError?.(request),
  };
};

/** Powertools' injectLambdaContext: the Lambda request id on every log line. */
const logContext = () =>
  lazyMiddleware(() =>
    (require('@aws-lambda-powertools/logger/middleware') as typeof import('@aws-lambda-powertools/logger/middleware')).injectLambdaContext(logger),
  );

/** An AWS SDK client whose calls are subsegments of the invocation's X-Ray trace (where it traces). */
export function traced<Client>(client: Client): Client {
  return tracing() ? tracer().captureAWSv3Client(client) : client;
}

/** Powertools' captureLambdaHandler, loaded with the tracer. */
const traceInvocation = (): MiddlewareObj =>
  lazyMiddleware(() =>
    (require('@aws-lambda-powertools/tracer/middleware') as typeof import('@aws-lambda-powertools/tracer/middleware')).captureLambdaHandler(tracer()),
  );

/**
 * What every handler (API route or job) runs inside: the Lambda request id on every log line,
 * in Lambda an X-Ray segment for the invocation (and its AWS calls), and its metrics flushed at the end.
 */
export const observability = (): MiddlewareObj[] => [logContext(), ...(tracing() ? [traceInvocation()] : []), flushMetrics()];

/** A job's Lambda handler (stream, queue or schedule), observed like the API's. */
export function jobHandler<E, R>(handle: (event: E, context: Context) => Promise<R>) {
  return middy<E, R, Error, Context>().use(observability()).handler(handle);
}
