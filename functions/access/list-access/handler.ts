import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { listAccess } from '../../../shared/services/access-management';
import { toGrantView } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{n}/access: who has access, for the company's access managers. */
export const handler = routeHandler(route, async ({ caller, params }) =>
  ok({ items: (await listAccess(container(), caller, params.enterpriseNumber)).map(toGrantView) }),
);
