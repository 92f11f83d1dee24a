import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_ACCESS_MANAGER } from '../../error-notes';
import { grantView } from '../../views';
import { params as accessParams, body as putAccessBody } from './schema';

/** PUT /v1/enterprises/{enterpriseNumber}/access/{ssin} */
export const route = defineRoute({
  method: 'PUT',
  path: '/v1/enterprises/{enterpriseNumber}/access/{ssin}',
  summary: 'Grant a person USER access',
  description: 'ACCESS_MANAGER grants come from the admin API only.',
  tag: 'Access management',
  security: [SCOPES.read],
  params: accessParams,
  body: putAccessBody,
  responses: [
    { status: 201, description: 'Granted', schema: grantView, headers: ['Location'] },
    { status: 200, description: 'The existing grant, updated', schema: grantView },
  ],
  errors: [400, 401, 403],
  errorNotes: { 403: `${NOT_ACCESS_MANAGER}; and none may grant or change ACCESS_MANAGER here` },
  touches: { table: { access: 'readWrite', partitions: ['CLIENT#', 'ENT#'] } },
});
