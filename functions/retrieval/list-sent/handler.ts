import { container } from '../../../shared/container';
import { pageLinks } from '../../../shared/domain/pagination';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { listSent } from '../../../shared/services/company-messages';
import { pagedQuery as query } from '../../../shared/http/query';
import { toOutgoingView } from '../../views';
import { enterpriseParams as params } from '../enterprise-params';

/** GET /v1/enterprises/{n}/sent: what the company sent (replies and messages), newest first. */
export const handler = apiHandler({ scopes: [SCOPES.read], params, query }, async ({ caller, params, query, event }) => {
  const page = await listSent(container(), caller, params.enterpriseNumber, query.pageSize, query.cursor);
  return ok({ items: page.messages.map((message) => toOutgoingView(message)), pageSize: query.pageSize, ...pageLinks(event.rawPath, { ...event.queryStringParameters }, page.next) });
});
