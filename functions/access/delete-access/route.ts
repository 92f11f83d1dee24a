import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_ACCESS_MANAGER } from '../../error-notes';
import { params as accessParams } from '../put-access/schema';

/** DELETE /v1/enterprises/{enterpriseNumber}/access/{ssin} */
export const route = defineRoute({
  method: 'DELETE',
  path: '/v1/enterprises/{enterpriseNumber}/access/{ssin}',
  summary: "Revoke a person's USER access",
  description: "Effective on the person's very next request.",
  tag: 'Access management',
  security: [SCOPES.read],
  params: accessParams,
  responses: [{ status: 204, description: 'Revoked' }],
  errors: [400, 401, 403, 404],
  errorNotes: { 403: `${NOT_ACCESS_MANAGER}; access managers are revoked by the admin API only`, 404: 'resourceNotFound: the person has no access' },
  touches: { table: { access: 'readWrite', partitions: ['CLIENT#', 'ENT#'] } },
});
