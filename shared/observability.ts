import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { logger } from './logger';

const SERVICE = 'ebox-enterprise';

/** X-Ray (Powertools Tracer): active only inside Lambda, so local runs and tests trace nothing. */
export const tracer = new Tracer({ serviceName: SERVICE });

/** The business metrics of this container, flushed after each invocation (EMF lines in the log). */
export const powertoolsMetrics = new Metrics({ namespace: 'EboxEnterprise', serviceName: SERVICE });

/**
 * Flushes what the invocation counted. Not Powertools' logMetrics: it warns on every invocation
 * that counted nothing (most reads), which would drown the logs.
 */
const flushMetrics = (): MiddlewareObj => {
  const flush = () => {
    if (powertoolsMetrics.hasStoredMetrics()) powertoolsMetrics.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
};

/**
 * What every handler (API route or job) runs inside: the Lambda request id on every log line,
 * an X-Ray segment for the invocation (and its AWS calls), and its metrics flushed at the end.
 */
export const observability = (): MiddlewareObj[] => [injectLambdaContext(logger), captureLambdaHandler(tracer), flushMetrics()];

/** A job's Lambda handler (stream, queue or schedule), observed like the API's. */
export function jobHandler<E, R>(handle: (event: E, context: Context) => Promise<R>) {
  return middy<E, R, Error, Context>().use(observability()).handler(handle);
}
