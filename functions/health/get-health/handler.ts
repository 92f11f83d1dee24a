import { publicHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';

/** belgif health check: unauthenticated, answers as soon as the function runs. */
export const handler = publicHandler({}, async () => ok({ status: 'UP' }));
