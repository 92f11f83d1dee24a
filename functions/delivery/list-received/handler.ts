import { container } from '../../../shared/container';
import { pageLinks } from '../../../shared/domain/pagination';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { authorizeSender } from '../../../shared/services/access-control';
import { listReceived } from '../../../shared/services/company-messages';
import { toOutgoingView } from '../../views';
import { route } from './route';

/** GET /v1/received: replies and messages companies sent to this institution, newest first. */
export const handler = routeHandler(route, async ({ caller, query, event }) => {
  const deps = container();
  const senderId = await authorizeSender(deps, caller);
  const page = await listReceived(deps, senderId, query.pageSize, query.cursor);
  return ok({ items: page.messages.map((message) => toOutgoingView(message, '/v1/received')), pageSize: query.pageSize, ...pageLinks(event.rawPath, { ...event.queryStringParameters }, page.next) });
});
