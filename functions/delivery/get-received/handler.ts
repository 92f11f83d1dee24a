import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { authorizeSender } from '../../../shared/services/access-control';
import { getReceived } from '../../../shared/services/company-messages';
import { toOutgoingView } from '../../views';
import { route } from './route';

/** GET /v1/received/{id}: one message a company sent to this institution (404 if addressed to another). */
export const handler = routeHandler(route, async ({ caller, params }) => {
  const deps = container();
  const senderId = await authorizeSender(deps, caller);
  return ok(toOutgoingView(await getReceived(deps, senderId, params.id), '/v1/received'));
});
