import { container } from '../../../shared/container';
import { pageLinks } from '../../../shared/domain/pagination';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { listSent } from '../../../shared/services/company-messages';
import { toCompanyMessageView } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{n}/sent: what the company sent (replies and messages), newest first. */
export const handler = routeHandler(route, async ({ caller, params, query, event }) => {
  const page = await listSent(container(), caller, params.enterpriseNumber, query.pageSize, query.cursor);
  return ok({
    items: page.messages.map((message) => toCompanyMessageView(message)),
    pageSize: query.pageSize,
    ...pageLinks(event.rawPath, { ...event.queryStringParameters }, page.next),
  });
});
