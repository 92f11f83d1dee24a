import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { authorizeSender } from '../../../shared/services/access-control';
import { getPreferences } from '../../../shared/services/enterprise-profile';
import { toPreferencesView } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{n}/preferences: whether the company asked to receive everything digitally. */
export const handler = routeHandler(route, async ({ caller, params }) => {
  const deps = container();
  await authorizeSender(deps, caller);
  return ok(toPreferencesView(await getPreferences(deps, params.enterpriseNumber)));
});
