import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_ACCESS_MANAGER } from '../../error-notes';
import { enterpriseParams } from '../../retrieval/enterprise-params';
import { grantList } from '../../views';

/** GET /v1/enterprises/{enterpriseNumber}/access */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}/access',
  summary: "List who has access to a company's e-Box",
  description: 'Every grant on the company, access managers included, with who granted it and when. Access managers only.',
  tag: 'Access management',
  security: [SCOPES.read],
  params: enterpriseParams,
  responses: [{ status: 200, description: 'Every grant', schema: grantList }],
  errors: [400, 401, 403],
  errorNotes: { 403: NOT_ACCESS_MANAGER },
  touches: { table: { access: 'read', partitions: ['CLIENT#', 'ENT#'] } },
});
