import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { listAccess } from '../../../shared/services/access-management';
import { enterpriseParams as params } from '../../retrieval/enterprise-params';
import { toGrantView } from '../../views';

/** GET /v1/enterprises/{n}/access: who has access, for the company's access managers. */
export const handler = apiHandler({ scopes: [SCOPES.read], params }, async ({ caller, params }) =>
  ok({ items: (await listAccess(container(), caller, params.enterpriseNumber)).map(toGrantView) }),
);
