import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { getReceived } from '../../../shared/services/company-messages';
import { toCompanyMessageView } from '../../views';
import { route } from './route';

/** GET /v1/received/{companyMessageId}: one message a company sent to this institution (404 if addressed to another). */
export const handler = routeHandler(route, async ({ caller, params }) => {
  const deps = container();
  return ok(toCompanyMessageView(await getReceived(deps, caller, params.companyMessageId), '/v1/received'));
});
