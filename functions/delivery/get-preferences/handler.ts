import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { authorizeSender } from '../../../shared/services/access-control';
import { getPreferences } from '../../../shared/services/enterprise-profile';
import { enterpriseParams as params } from '../../retrieval/enterprise-params';

/** GET /v1/enterprises/{n}/preferences: whether the company asked to receive everything digitally. */
export const handler = apiHandler({ scopes: [SCOPES.publish], params }, async ({ caller, params }) => {
  const deps = container();
  await authorizeSender(deps, caller);
  return ok(await getPreferences(deps, params.enterpriseNumber));
});
