import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { created } from '../../../shared/http/responses';
import { reply } from '../../../shared/services/company-messages';
import { toCompanyMessageView } from '../../views';
import { route } from './route';

/** POST /v1/enterprises/{n}/messages/{messageId}/replies: answer a replyable message (409 otherwise, 410 once expired). */
export const handler = routeHandler(route, async ({ caller, params, body }) => {
  const sent = await reply(container(), caller, params.enterpriseNumber, params.messageId, body);
  return created(toCompanyMessageView(sent), `/v1/enterprises/${params.enterpriseNumber}/sent/${sent.id}`);
});
