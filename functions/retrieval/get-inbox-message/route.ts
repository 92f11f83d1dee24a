import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_ACCESS } from '../../error-notes';
import { messageDetailView } from '../../views';
import { messageParams } from '../enterprise-params';

/** GET /v1/enterprises/{enterpriseNumber}/messages/{messageId} */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}/messages/{messageId}',
  summary: 'Read a message',
  description: 'Audited; for a registered message the first read is its proof of receipt.',
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: messageParams,
  responses: [{ status: 200, description: 'The message with its attachments and replies', schema: messageDetailView }],
  errors: [400, 401, 403, 404, 410],
  errorNotes: { 403: NO_ACCESS, 404: "resourceNotFound: no such message in this company's e-Box", 410: 'documentExpired: the message expired and was deleted' },
  touches: { table: { access: 'readWrite', partitions: ['CLIENT#', 'ENT#', 'MSG#'] } },
});
