import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { authorizeSender } from '../../../shared/services/access-control';
import { getReceived } from '../../../shared/services/company-messages';
import { toOutgoingView } from '../../views';
import { params } from './schema';

/** GET /v1/received/{id}: one message a company sent to this institution (404 if addressed to another). */
export const handler = apiHandler({ scopes: [SCOPES.publish], params }, async ({ caller, params }) => {
  const deps = container();
  const senderId = await authorizeSender(deps, caller);
  return ok(toOutgoingView(await getReceived(deps, senderId, params.id), '/v1/received'));
});
