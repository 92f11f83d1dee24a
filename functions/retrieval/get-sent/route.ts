import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_ACCESS } from '../../error-notes';
import { companyMessageView } from '../../views';
import { params as sentParams } from './schema';

/** GET /v1/enterprises/{enterpriseNumber}/sent/{companyMessageId} */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}/sent/{companyMessageId}',
  summary: 'Get a reply or message the company sent',
  description:
    'A reply (with inReplyTo) or a new message the company sent to an institution, with a link per attachment. Once it expired: 410, then 404 after its deletion.',
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: sentParams,
  responses: [{ status: 200, description: 'The message the company sent', schema: companyMessageView }],
  errors: [400, 401, 403, 404, 410],
  errorNotes: {
    403: NO_ACCESS,
    404: 'resourceNotFound: the company sent no such message',
    410: 'documentExpired: the message expired (a reply with the message it answers, a company message after a year); it is deleted soon after, then 404',
  },
  touches: { table: { access: 'read', partitions: ['CLIENT#', 'ENT#'] } },
});
