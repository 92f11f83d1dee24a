import type { z } from 'zod';
import { container } from '../../../shared/container';
import { publicRouteHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { route } from './route';
import type { healthView } from './schema';

/** belgif health check: 200 `{"status": "UP"}`, or 503 `{"status": "DOWN"}` with the dependency that did not answer. */
export const handler = publicRouteHandler(route, async () => {
  const report: z.output<typeof healthView> = await container().health.check();
  return report.status === 'UP' ? ok({ status: 'UP' }) : { status: 503, body: report };
});
