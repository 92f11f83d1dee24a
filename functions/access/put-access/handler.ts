import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { created, ok } from '../../../shared/http/responses';
import { grantAccess } from '../../../shared/services/access-management';
import { toGrantView } from '../../views';
import { route } from './route';

/** PUT /v1/enterprises/{n}/access/{ssin}: an access manager grants USER access (201 new, 200 updated). */
export const handler = routeHandler(route, async ({ caller, params, body }) => {
  const { grant, created: isNew } = await grantAccess(container(), caller, params.enterpriseNumber, params.ssin, body);
  return isNew ? created(toGrantView(grant), `/v1/enterprises/${params.enterpriseNumber}/access/${params.ssin}`) : ok(toGrantView(grant));
});
