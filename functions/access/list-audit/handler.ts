import { container } from '../../../shared/container';
import { pageLinks } from '../../../shared/domain/pagination';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { auditTrail } from '../../../shared/services/access-management';
import { toAuditView } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{n}/audit: the company's audit trail, newest first, for access managers. */
export const handler = routeHandler(route, async ({ caller, params, query, event }) => {
  const page = await auditTrail(container(), caller, params.enterpriseNumber, query.pageSize, query.cursor);
  return ok({ items: page.entries.map(toAuditView), pageSize: query.pageSize, ...pageLinks(event.rawPath, { ...event.queryStringParameters }, page.next) });
});
