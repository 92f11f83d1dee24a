import { container } from '../../../shared/container';
import { pageLinks } from '../../../shared/domain/pagination';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { listInbox } from '../../../shared/services/inbox';
import { toMessageSummary } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{n}/messages: the inbox, newest first, filtered, one Query per page. */
export const handler = routeHandler(route, async ({ caller, params, query, event }) => {
  const deps = container();
  const { pageSize, cursor, publishedAfter, publishedBefore, ...filter } = query;
  const page = await listInbox(
    deps,
    caller,
    params.enterpriseNumber,
    {
      ...filter,
      ...(publishedAfter ? { publishedAfter: new Date(publishedAfter) } : {}),
      ...(publishedBefore ? { publishedBefore: new Date(publishedBefore) } : {}),
    },
    pageSize,
    cursor,
  );
  const now = deps.clock.now();
  return ok({
    items: page.messages.map((message) => toMessageSummary(message, now, deps.config.expiryWarningDays)),
    pageSize,
    ...pageLinks(event.rawPath, { ...event.queryStringParameters }, page.next),
  });
});
