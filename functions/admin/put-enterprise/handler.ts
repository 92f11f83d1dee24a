import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { putEnterprise } from '../../../shared/services/admin';
import { toProfileView } from '../../views';
import { route } from './route';

/** PUT /v1/admin/enterprises/{enterpriseNumber}: register a company and its first access managers. */
export const handler = routeHandler(route, async ({ caller, params, body }) =>
  ok(toProfileView(await putEnterprise(container(), caller, params.enterpriseNumber, body))),
);
