import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { created, ok } from '../../../shared/http/responses';
import { publishMessage } from '../../../shared/services/publish-message';
import { toDeliveryView } from '../../views';
import { route } from './route';

/** POST /v1/messages: an institution publishes a message to a company (201, or 200 for a replay). */
export const handler = routeHandler(route, async ({ caller, body, log, traceId }) => {
  const deps = container();
  const { delivery, created: isNew } = await publishMessage(deps, caller, body, traceId);
  log.info(isNew ? 'message published' : 'publication replayed', { messageId: delivery.messageId, senderId: delivery.senderId, recipient: delivery.recipient });
  const view = toDeliveryView(delivery, deps.clock.now());
  const location = `/v1/messages/${delivery.messageId}`;
  return isNew ? created(view, location) : ok(view, { Location: location });
});
