import { publicRouteHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { route } from './route';

/** belgif health check: unauthenticated, answers as soon as the function runs. */
export const handler = publicRouteHandler(route, async () => ok({ status: 'UP' }));
