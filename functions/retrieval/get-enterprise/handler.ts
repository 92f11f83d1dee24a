import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { getProfile } from '../../../shared/services/enterprise-profile';
import { toProfileView } from '../../views';
import { route } from './route';

/**
 * GET /v1/enterprises/{enterpriseNumber}: the company's profile and unread count. It also takes
 * expired messages out of the stored counter (docs/data-model.md, "Unread count"), hence the
 * write its contract declares.
 */
export const handler = routeHandler(route, async ({ caller, params }) => ok(toProfileView(await getProfile(container(), caller, params.enterpriseNumber))));
