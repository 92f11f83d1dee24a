import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_AN_INSTITUTION } from '../../error-notes';
import { companyMessageView } from '../../views';
import { params as receivedParams } from './schema';

/** GET /v1/received/{companyMessageId} */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/received/{companyMessageId}',
  summary: 'Get a message a company sent to this institution',
  description: 'A reply or a new message a company sent to this institution, with a link per attachment. Once it expired: 410, then 404 after its deletion.',
  tag: 'Delivery',
  security: [SCOPES.publish],
  params: receivedParams,
  responses: [{ status: 200, description: 'The message, with links to its attachments', schema: companyMessageView }],
  errors: [400, 401, 403, 404, 410],
  errorNotes: {
    403: NOT_AN_INSTITUTION,
    404: 'resourceNotFound: no such message, or one addressed to another institution',
    410: 'documentExpired: the message expired (a reply with the message it answers, a company message after a year); it is deleted soon after, then 404',
  },
  touches: { table: { access: 'read', indexes: ['gsi1'], partitions: ['CLIENT#', 'RCV#'] } },
});
