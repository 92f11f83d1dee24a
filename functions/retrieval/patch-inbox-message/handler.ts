import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { markMessage } from '../../../shared/services/inbox';
import { toMessageSummary } from '../../views';
import { route } from './route';

/** PATCH /v1/enterprises/{n}/messages/{messageId}: mark read or unread. */
export const handler = routeHandler(route, async ({ caller, params, body }) => {
  const deps = container();
  const message = await markMessage(deps, caller, params.enterpriseNumber, params.messageId, body.read);
  return ok(toMessageSummary(message, deps.clock.now(), deps.config.expiryWarningDays));
});
