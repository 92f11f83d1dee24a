import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { readMessage } from '../../../shared/services/inbox';
import { toMessageDetail } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{n}/messages/{messageId}: the message with its attachments (410 once expired). */
export const handler = routeHandler(route, async ({ caller, params }) => {
  const deps = container();
  const { message, replies } = await readMessage(deps, caller, params.enterpriseNumber, params.messageId);
  return ok(toMessageDetail(message, replies, deps.clock.now(), deps.config.expiryWarningDays));
});
