import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { senderList } from '../../views';

/** GET /v1/senders */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/senders',
  summary: 'List the institutions',
  description: 'The institutions that publish in the e-Box and their document types.',
  tag: 'Retrieval',
  security: [SCOPES.read, SCOPES.publish],
  responses: [{ status: 200, description: 'Every institution', schema: senderList }],
  errors: [401, 403],
  touches: { table: { access: 'read', indexes: ['gsi1'], partitions: ['SENDERS'] } },
});
