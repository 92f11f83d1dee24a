import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { whoAmI } from '../../../shared/services/access-management';
import { toMeView } from '../../views';
import { route } from './route';

/** GET /v1/me: the caller's identity and the companies whose e-Box they may open. */
export const handler = routeHandler(route, async ({ caller }) => ok(toMeView(await whoAmI(container(), caller))));
