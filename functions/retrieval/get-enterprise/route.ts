import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_ACCESS } from '../../error-notes';
import { profileView } from '../../views';
import { enterpriseParams } from '../enterprise-params';

/** GET /v1/enterprises/{enterpriseNumber} */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}',
  summary: "Get a company's profile",
  description: 'Notification email, language, the "everything digital" consent and the unread count.',
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: enterpriseParams,
  responses: [{ status: 200, description: 'The profile', schema: profileView }],
  errors: [400, 401, 403],
  errorNotes: { 403: NO_ACCESS },
  // Writes: expired unread messages taken out of the stored unread count, once each.
  touches: { table: { access: 'readWrite', indexes: ['unread'], partitions: ['CLIENT#', 'ENT#', 'UNREAD#'] } },
});
