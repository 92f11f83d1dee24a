import { container } from '../../../shared/container';
import { pageLinks } from '../../../shared/domain/pagination';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { listReceived } from '../../../shared/services/company-messages';
import { toCompanyMessageView } from '../../views';
import { route } from './route';

/** GET /v1/received: replies and messages companies sent to this institution, newest first. */
export const handler = routeHandler(route, async ({ caller, query, event }) => {
  const deps = container();
  const page = await listReceived(deps, caller, query.pageSize, query.cursor);
  return ok({
    items: page.messages.map((message) => toCompanyMessageView(message, '/v1/received')),
    pageSize: query.pageSize,
    ...pageLinks(event.rawPath, { ...event.queryStringParameters }, page.next),
  });
});
