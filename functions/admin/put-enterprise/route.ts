import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { profileView } from '../../views';
import { body as putEnterpriseBody, params as putEnterpriseParams } from './schema';

/** PUT /v1/admin/enterprises/{enterpriseNumber} */
export const route = defineRoute({
  method: 'PUT',
  path: '/v1/admin/enterprises/{enterpriseNumber}',
  summary: 'Register a company',
  description: 'Registers a company and grants ACCESS_MANAGER to the people listed.',
  tag: 'Admin',
  security: [SCOPES.admin],
  params: putEnterpriseParams,
  body: putEnterpriseBody,
  responses: [{ status: 200, description: "The company's profile", schema: profileView }],
  errors: [400, 401, 403],
  touches: { table: { access: 'readWrite', partitions: ['ENT#'] } },
});
