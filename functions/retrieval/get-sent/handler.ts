import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { getSent } from '../../../shared/services/company-messages';
import { toOutgoingView } from '../../views';
import { params } from './schema';

/** GET /v1/enterprises/{n}/sent/{id}: one reply or message the company sent. */
export const handler = apiHandler({ scopes: [SCOPES.read], params }, async ({ caller, params }) =>
  ok(toOutgoingView(await getSent(container(), caller, params.enterpriseNumber, params.id))),
);
