import { z } from 'zod';
import type { OffsetClock } from '../../shared/adapters/offset-clock';
import { InvalidInputError, NotFoundError } from '../../shared/domain/errors';
import { toProblem } from '../../shared/http/problem';
import { parseInput } from '../../shared/http/validation';
import type { SesFaultProxy } from './emulators/ses-fault-proxy';
import type { S3DeleteFault } from './s3-delete-fault';
import type { LocalEndpoint } from './gateway';
import type { LocalIssuer } from './issuer';
import { tokenRequestSchema } from './issuer';
import { JOB_NAMES, type LocalJobs } from './jobs';
import { observedAccess } from './observed-access';
import { createOidcProvider } from './oidc/provider';

const clockRequestSchema = z
  .strictObject({ advanceDays: z.number().positive().max(3650).optional(), advanceSeconds: z.number().int().positive().optional() })
  .refine((value) => value.advanceDays !== undefined || value.advanceSeconds !== undefined, { message: 'give advanceDays or advanceSeconds' });
const jobNameSchema = z.enum(JOB_NAMES);
const faultsSchema = z
  .strictObject({ ses: z.boolean().optional(), s3Deletes: z.boolean().optional() })
  .refine((value) => value.ses !== undefined || value.s3Deletes !== undefined, { message: 'give ses or s3Deletes' });

interface SesStoreEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

function json(body: Buffer): unknown {
  try {
    return body.length ? (JSON.parse(body.toString('utf8')) as unknown) : {};
  } catch {
    throw new InvalidInputError([{ in: 'body', name: 'body', detail: 'The body is not valid JSON' }], 'The body is not valid JSON');
  }
}

/**
 * Development-only endpoints (never deployed): the OpenID issuer (its token tool here, its OpenID
 * Connect provider for the portal in oidc/), the clock, the jobs and the mailbox of the SES
 * emulator. Everything else goes to the API routes.
 */
export function createLocalApi(options: {
  issuer: LocalIssuer;
  clock: OffsetClock;
  jobs: LocalJobs;
  sesEndpoint: string;
  sesProxy: SesFaultProxy;
  s3Deletes: S3DeleteFault;
}): LocalEndpoint {
  const { issuer, clock, jobs, sesProxy, s3Deletes } = options;
  const faults = () => ({ ses: sesProxy.failing, s3Deletes: s3Deletes.failing });
  const oidc = createOidcProvider({ issuer, clock });
  const routes: Record<string, (body: Buffer, path: string) => Promise<unknown>> = {
    'POST /local/token': async (body) => issuer.mint(parseInput(tokenRequestSchema, json(body), 'body')),
    'GET /local/clock': async () => ({ now: clock.now().toISOString() }),
    'POST /local/clock': async (body) => {
      const request = parseInput(clockRequestSchema, json(body), 'body');
      clock.advance((request.advanceDays ?? 0) * 86_400_000 + (request.advanceSeconds ?? 0) * 1000);
      return { now: clock.now().toISOString() };
    },
    'GET /local/emails': async () => {
      const response = await fetch(`${options.sesEndpoint}/store`);
      const store = (await response.json()) as { emails: SesStoreEmail[] };
      return {
        items: store.emails.map((email) => ({
          to: email.destination.to,
          subject: email.subject,
          text: email.body.text ?? '',
          ...(email.body.html ? { html: email.body.html } : {}),
          sentAt: new Date(email.at * 1000).toISOString(),
        })),
      };
    },
    'GET /local/faults': async () => faults(),
    // What each route did in AWS terms since the start (table, indexes, partitions, bucket areas, queues).
    'GET /local/observed-access': async () => observedAccess(),
    'POST /local/faults': async (body) => {
      const request = parseInput(faultsSchema, json(body), 'body');
      sesProxy.failing = request.ses ?? sesProxy.failing;
      s3Deletes.failing = request.s3Deletes ?? s3Deletes.failing;
      return faults();
    },
    'POST /local/jobs': async (_body, path) => jobs.run(parseInput(z.object({ name: jobNameSchema }), { name: path.split('/')[3] }, 'path').name),
  };
  return async (request) => {
    const { method, path, body } = request;
    if (!path.startsWith('/local/')) return undefined;
    const key = path.startsWith('/local/jobs/') && path.split('/').length === 4 ? `${method} /local/jobs` : `${method} ${path}`;
    const route = routes[key];
    try {
      const answered = await oidc(request);
      if (answered) return answered;
      if (!route) throw new NotFoundError(`No local endpoint ${method} ${path}`);
      return { status: 200, body: await route(body, path) };
    } catch (error) {
      const problem = toProblem(error);
      return { status: problem.status, body: { ...problem, instance: path } };
    }
  };
}
