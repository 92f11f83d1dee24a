import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { whoAmI } from '../../../shared/services/access-management';

/** GET /v1/me: the caller's identity and the companies whose e-Box they may open. */
export const handler = apiHandler({ scopes: [SCOPES.read] }, async ({ caller }) => ok(await whoAmI(container(), caller)));
