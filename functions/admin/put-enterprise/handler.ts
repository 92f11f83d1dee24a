import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { actorOf } from '../../../shared/services/access-control';
import { putEnterprise } from '../../../shared/services/admin';
import { toProfileView } from '../../views';
import { body, params } from './schema';

/** PUT /v1/admin/enterprises/{enterpriseNumber}: register a company and its first access managers. */
export const handler = apiHandler({ scopes: [SCOPES.admin], params, body }, async ({ caller, params, body }) =>
  ok(toProfileView(await putEnterprise(container(), params.enterpriseNumber, body, actorOf(caller)))),
);
