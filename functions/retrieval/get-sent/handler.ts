import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { getSent } from '../../../shared/services/company-messages';
import { toCompanyMessageView } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{n}/sent/{companyMessageId}: one reply or message the company sent. */
export const handler = routeHandler(route, async ({ caller, params }) =>
  ok(toCompanyMessageView(await getSent(container(), caller, params.enterpriseNumber, params.companyMessageId))),
);
