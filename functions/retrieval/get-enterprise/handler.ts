import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { getProfile } from '../../../shared/services/enterprise-profile';
import { toProfileView } from '../../views';
import { enterpriseParams as params } from '../enterprise-params';

/** GET /v1/enterprises/{enterpriseNumber}: the company's profile and unread count. */
export const handler = apiHandler({ scopes: [SCOPES.read], params }, async ({ caller, params }) =>
  ok(toProfileView(await getProfile(container(), caller, params.enterpriseNumber))),
);
