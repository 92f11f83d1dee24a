import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { getPreferences } from '../../../shared/services/enterprise-profile';
import { toPreferencesView } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{n}/preferences: whether the company asked to receive everything digitally. */
export const handler = routeHandler(route, async ({ caller, params }) => {
  const deps = container();
  return ok(toPreferencesView(await getPreferences(deps, caller, params.enterpriseNumber)));
});
