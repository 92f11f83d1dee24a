import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { noContent } from '../../../shared/http/responses';
import { revokeAccess } from '../../../shared/services/access-management';
import { params } from '../put-access/schema';

/** DELETE /v1/enterprises/{n}/access/{ssin}: revoke a USER; effective on their very next request. */
export const handler = apiHandler({ scopes: [SCOPES.read], params }, async ({ caller, params }) => {
  await revokeAccess(container(), caller, params.enterpriseNumber, params.ssin);
  return noContent();
});
