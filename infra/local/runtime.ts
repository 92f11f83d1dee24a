import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ROUTES } from '../../functions/routes';
import { createAwsClients } from '../../shared/adapters/aws-clients';
import { parseConfig } from '../../shared/config';
import type { Clock } from '../../shared/ports/clock';
import { container } from '../../shared/container';
import { NOTIFICATIONS_QUEUE } from '../definitions';
import { startDynamoDbLocal } from './emulators/dynamodb-local';
import { startFauxqs } from './emulators/fauxqs';
import { startS3Front } from './emulators/s3-presigned-urls';
import { startSes } from './emulators/ses';
import { startSesFaultProxy } from './emulators/ses-fault-proxy';
import { createGateway, createInvoker, type GatewayRoute, type RouteInvoker } from './gateway';
import { createLocalIssuer } from './issuer';
import { LocalJobs } from './jobs';
import { loadHandler } from './lambda-context';
import { observeClients } from './observed-access';
import { PORTAL_CLIENT_ID } from './oidc/client';
import { buildLocalPortal, type LocalPortal } from './portal';
import { createLocalApi } from './local-api';
import { createLocalResources, type LocalResources } from './resources';
import { injectS3DeleteFault } from './s3-delete-fault';

export interface RuntimeOptions {
  port: number;
  dynamodbPort: number;
  fauxqsPort: number;
  sesPort: number;
  /** Stream, queue and schedule timers; tests turn them off and run jobs on demand. */
  timers: boolean;
  /** One line per step while starting. */
  progress: (line: string) => void;
  /** Build and serve the portal (web/); the benchmark does without. Default: true. */
  portal?: boolean;
}

export interface Runtime {
  url: string;
  endpoints: { dynamodb: string; fauxqs: string; ses: string };
  resources: LocalResources;
  /** A route's handler invoked in-process, as the gateway does, without HTTP. */
  invoke: RouteInvoker;
  stop(): Promise<void>;
}

const API_AUDIENCE = 'ebox-api';
const STREAM_FAILURES_BUCKET = 'ebox-local-stream-failures';
const ROOT = path.resolve(__dirname, '../..');

/**
 * The whole e-Box on one machine: the emulators, their resources, the local issuer and gateway,
 * and the job timers, all around the same handlers that run in AWS.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const stops: Array<() => Promise<void>> = [];
  let portalBuild: Promise<LocalPortal> | undefined;
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    const timed = async <T>(label: string, start: () => Promise<T>): Promise<T> => {
      const began = Date.now();
      options.progress(`  … ${label}`);
      const result = await start();
      options.progress(`  ✓ ${label} (${Date.now() - began} ms)`);
      return result;
    };
    const issuerUrl = `http://localhost:${options.port}/local`;
    // Everything that waits on nothing else starts at once: the three emulators (DynamoDB Local's
    // JVM is the slowest) and the portal's Vite build. Each stop is registered as soon as its
    // start succeeds, so a failure of one stops the others.
    const started = <T extends { stop(): Promise<void> }>(label: string, start: () => Promise<T>) =>
      timed(label, start).then((service) => {
        stops.push(service.stop);
        return service;
      });
    portalBuild =
      options.portal === false ? undefined : started('portal (web/, Vite)', () => buildLocalPortal({ issuer: issuerUrl, clientId: PORTAL_CLIENT_ID }));
    const [dynamodb, fauxqs, ses] = await allStarted([
      started('DynamoDB Local (Java)', () => startDynamoDbLocal(options.dynamodbPort)),
      started('SQS and S3 (fauxqs)', () => startFauxqs(options.fauxqsPort)),
      started('SES (aws-ses-v2-local)', () => startSes(options.sesPort)),
    ] as const);
    // The runtime's clock exists once the container does; until then, the machine's.
    let clock: Clock | undefined;
    const [s3, sesProxy] = await Promise.all([startS3Front(fauxqs.endpoint, () => clock?.now() ?? new Date()), startSesFaultProxy(ses.endpoint)]);
    stops.push(s3.stop, sesProxy.stop);

    // The handlers read their configuration from the environment, as in Lambda.
    Object.assign(process.env, {
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      TABLE_NAME: 'ebox-local',
      BUCKET_NAME: 'ebox-local-documents',
      STREAM_FAILURES_BUCKET,
      NOTIFICATIONS_QUEUE_URL: `${fauxqs.endpoint}/000000000000/${NOTIFICATIONS_QUEUE.name}`,
      DYNAMODB_ENDPOINT: dynamodb.endpoint,
      S3_ENDPOINT: s3.endpoint,
      SQS_ENDPOINT: fauxqs.endpoint,
      SES_ENDPOINT: sesProxy.endpoint,
      MAIL_FROM: process.env.MAIL_FROM ?? 'no-reply@ebox.local',
      PORTAL_URL: process.env.PORTAL_URL ?? `http://localhost:${options.port}`,
      // EMF metric lines are for CloudWatch; locally they would only bury the logs.
      POWERTOOLS_METRICS_DISABLED: 'true',
      // The handlers verify tokens against the local issuer's JWKS, fetched over HTTP as in AWS.
      JWT_ISSUER: issuerUrl,
      JWT_AUDIENCE: API_AUDIENCE,
    });
    // Resources first: the queue URL the emulator gives goes into the handlers' configuration.
    const bootstrap = parseConfig(process.env);
    const resources = await timed('table, bucket and queues', () =>
      createLocalResources(createAwsClients(bootstrap), {
        tableName: bootstrap.tableName,
        bucketName: bootstrap.bucketName,
        streamFailuresBucket: STREAM_FAILURES_BUCKET,
      }),
    );
    process.env.NOTIFICATIONS_QUEUE_URL = resources.notificationsQueueUrl;
    const deps = container();
    clock = deps.clock;
    observeClients(deps.clients);
    const s3Deletes = injectS3DeleteFault(deps.clients.s3, bootstrap.bucketName);

    const routes: GatewayRoute[] = await timed(`${ROUTES.length} API handlers`, () =>
      Promise.all(
        ROUTES.map(async (definition) => ({
          definition,
          handler: await loadHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(ROOT, definition.handler),
        })),
      ),
    );
    const jobs = await timed('jobs', () => LocalJobs.create(ROOT, deps, resources));
    stops.push(() => jobs.stop());

    const issuer = await createLocalIssuer(issuerUrl, API_AUDIENCE, deps.clock);
    const portal = await portalBuild;
    if (portal) {
      options.progress(`    ${portal.files} files; the first page loads ${(portal.initialJsGzipBytes / 1024).toFixed(1)} kB of JavaScript, gzipped`);
    }
    const invoke = createInvoker(routes);
    const server = createGateway({
      invoke,
      local: createLocalApi({ issuer, clock: deps.clock, jobs, sesEndpoint: ses.endpoint, sesProxy, s3Deletes }),
      portal: portal?.serve,
    });
    server.listen(options.port, '127.0.0.1');
    await once(server, 'listening');
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    if (options.timers) jobs.startTimers();
    const { port } = server.address() as AddressInfo;
    return { url: `http://localhost:${port}`, endpoints: { dynamodb: dynamodb.endpoint, fauxqs: fauxqs.endpoint, ses: ses.endpoint }, resources, invoke, stop };
  } catch (error) {
    // A build still under way registers its stop when done: wait for it, then stop everything.
    await portalBuild?.catch(() => undefined);
    await stop();
    throw error;
  }
}

/** Like Promise.all, but waits for every start to settle, so none is left running unseen when one fails. */
async function allStarted<T extends readonly unknown[]>(starts: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
