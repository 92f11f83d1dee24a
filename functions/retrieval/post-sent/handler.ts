import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { created } from '../../../shared/http/responses';
import { sendToInstitution } from '../../../shared/services/company-messages';
import { toCompanyMessageView } from '../../views';
import { route } from './route';

/** POST /v1/enterprises/{n}/sent: a new message to an institution that accepts them (409 otherwise). */
export const handler = routeHandler(route, async ({ caller, params, body }) => {
  const sent = await sendToInstitution(container(), caller, params.enterpriseNumber, body);
  return created(toCompanyMessageView(sent), `/v1/enterprises/${params.enterpriseNumber}/sent/${sent.id}`);
});
