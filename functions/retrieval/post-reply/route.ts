import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_PERSON_ACCESS } from '../../error-notes';
import { companyMessageView } from '../../views';
import { messageParams } from '../enterprise-params';
import { body as postReplyBody } from './schema';

/** POST /v1/enterprises/{enterpriseNumber}/messages/{messageId}/replies */
export const route = defineRoute({
  method: 'POST',
  path: '/v1/enterprises/{enterpriseNumber}/messages/{messageId}/replies',
  summary: 'Reply to a message',
  description: 'Only to a replyable message that has not expired; attachments are inline PDFs (at most 4 MiB decoded in total).',
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: messageParams,
  body: postReplyBody,
  responses: [{ status: 201, description: 'Sent to the institution', schema: companyMessageView, headers: ['Location'] }],
  errors: [400, 401, 403, 404, 409, 410, 413, 415],
  errorNotes: {
    403: NO_PERSON_ACCESS,
    404: "resourceNotFound: no such message in this company's e-Box",
    409: 'notReplyable: the institution does not accept replies to this message',
    410: 'documentExpired: the message expired and can no longer be answered',
    413: 'payloadTooLarge: inline attachments exceed 4 MiB in total',
    415: 'unsupportedMediaType: an attachment is not a PDF',
  },
  touches: { table: { access: 'readWrite', partitions: ['ENT#', 'MSG#'] }, bucket: { write: ['company-messages'], delete: ['company-messages'] } },
});
