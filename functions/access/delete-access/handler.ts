import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { noContent } from '../../../shared/http/responses';
import { revokeAccess } from '../../../shared/services/access-management';
import { route } from './route';

/** DELETE /v1/enterprises/{n}/access/{ssin}: revoke a USER; effective on their very next request. */
export const handler = routeHandler(route, async ({ caller, params }) => {
  await revokeAccess(container(), caller, params.enterpriseNumber, params.ssin);
  return noContent();
});
