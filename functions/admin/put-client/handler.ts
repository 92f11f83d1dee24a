import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { putClient } from '../../../shared/services/admin';
import { body, params } from './schema';

/** PUT /v1/admin/clients/{clientId}: bind a machine client to an institution or a company. */
export const handler = apiHandler({ scopes: [SCOPES.admin], params, body }, async ({ params, body }) =>
  ok(await putClient(container(), { clientId: params.clientId, ...body })),
);
