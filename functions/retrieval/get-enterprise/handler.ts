import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { getProfile } from '../../../shared/services/enterprise-profile';
import { toProfileView } from '../../views';
import { route } from './route';

/** GET /v1/enterprises/{enterpriseNumber}: the company's profile and unread count. */
export const handler = routeHandler(route, async ({ caller, params }) => ok(toProfileView(await getProfile(container(), caller, params.enterpriseNumber))));
