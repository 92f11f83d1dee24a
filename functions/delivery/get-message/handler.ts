import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { getSentMessage } from '../../../shared/services/sender-messages';
import { toDeliveryView } from '../../views';
import { route } from './route';

/** GET /v1/messages/{messageId}: the sender's view, with DELIVERED / READ / EXPIRED. */
export const handler = routeHandler(route, async ({ caller, params }) => {
  const deps = container();
  return ok(toDeliveryView(await getSentMessage(deps, caller, params.messageId), deps.clock.now()));
});
