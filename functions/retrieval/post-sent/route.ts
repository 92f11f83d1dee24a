import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_PERSON_ACCESS } from '../../error-notes';
import { companyMessageView } from '../../views';
import { enterpriseParams } from '../enterprise-params';
import { body as postSentBody } from './schema';

/** POST /v1/enterprises/{enterpriseNumber}/sent */
export const route = defineRoute({
  method: 'POST',
  path: '/v1/enterprises/{enterpriseNumber}/sent',
  summary: 'Send a message to an institution',
  description: 'Only to institutions that accept messages; attachments are inline PDFs (at most 4 MiB decoded in total).',
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: enterpriseParams,
  body: postSentBody,
  responses: [{ status: 201, description: 'Sent to the institution', schema: companyMessageView, headers: ['Location'] }],
  errors: [400, 401, 403, 409, 413, 415],
  errorNotes: {
    400: 'badRequest; referencedResourceNotFound when no institution `to` is registered',
    403: NO_PERSON_ACCESS,
    409: 'messagesNotAccepted: the institution does not accept messages from companies',
    413: 'payloadTooLarge: inline attachments exceed 4 MiB in total',
    415: 'unsupportedMediaType: an attachment is not a PDF',
  },
  touches: { table: { access: 'readWrite', partitions: ['ENT#', 'SENDER#'] }, bucket: { write: ['company-messages'], delete: ['company-messages'] } },
});
