import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { putClient } from '../../../shared/services/admin';
import { route } from './route';

/** PUT /v1/admin/clients/{clientId}: bind a machine client to an institution or a company. */
export const handler = routeHandler(route, async ({ params, body }) => ok(await putClient(container(), { clientId: params.clientId, ...body })));
