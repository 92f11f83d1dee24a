import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { markMessage } from '../../../shared/services/inbox';
import { toMessageSummary } from '../../views';
import { messageParams as params } from '../enterprise-params';
import { body } from './schema';

/** PATCH /v1/enterprises/{n}/messages/{messageId}: mark read or unread. */
export const handler = apiHandler({ scopes: [SCOPES.read], params, body }, async ({ caller, params, body }) => {
  const deps = container();
  const message = await markMessage(deps, caller, params.enterpriseNumber, params.messageId, body.read);
  return ok(toMessageSummary(message, deps.clock.now(), deps.config.expiryWarningDays));
});
