import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { patchProfile } from '../../../shared/services/enterprise-profile';
import { toProfileView } from '../../views';
import { route } from './route';

/** PATCH /v1/enterprises/{enterpriseNumber}: notification email, language, "everything digital" consent. */
export const handler = routeHandler(route, async ({ caller, params, body }) =>
  ok(toProfileView(await patchProfile(container(), caller, params.enterpriseNumber, body))),
);
