import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { meView } from '../../views';

/** GET /v1/me */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/me',
  summary: 'Who am I',
  description: 'The caller and the companies whose e-Box it may open.',
  tag: 'Retrieval',
  security: [SCOPES.read],
  responses: [{ status: 200, description: 'The caller', schema: meView }],
  errors: [401, 403],
  touches: { table: { access: 'read', indexes: ['gsi1'], partitions: ['CLIENT#', 'ENT#', 'PERSON#'] } },
});
