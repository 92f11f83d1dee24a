import { container } from '../../../shared/container';
import { pageLinks } from '../../../shared/domain/pagination';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { listSentMessages } from '../../../shared/services/sender-messages';
import { toDeliveryView } from '../../views';
import { route } from './route';

/** GET /v1/messages?externalId=&pageSize=&cursor=: the sender's own messages, newest first. */
export const handler = routeHandler(route, async ({ caller, query, event }) => {
  const deps = container();
  const page = await listSentMessages(deps, caller, query);
  const now = deps.clock.now();
  return ok({
    items: page.deliveries.map((delivery) => toDeliveryView(delivery, now)),
    pageSize: query.pageSize,
    ...pageLinks(event.rawPath, { ...event.queryStringParameters }, page.next),
  });
});
