import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_ACCESS } from '../../error-notes';
import { downloadLinkView } from '../../views';
import { attachmentParams } from '../enterprise-params';

/** GET /v1/enterprises/{enterpriseNumber}/messages/{messageId}/attachments/{attachmentId}/content */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}/messages/{messageId}/attachments/{attachmentId}/content',
  summary: 'Download an attachment',
  description:
    'Redirects to a short-lived presigned URL that never outlives the document; Repr-Digest carries the SHA-256 recorded at publication. ' +
    "With `Accept: application/json` the answer is the link itself (200). Marks the message read and is audited; the first read or download is the sender's proof of receipt (firstReadAt).",
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: attachmentParams,
  responses: [
    { status: 302, description: 'Redirect to the PDF', headers: ['Location', 'Repr-Digest', 'Cache-Control'] },
    {
      status: 200,
      description: 'With `Accept: application/json`: the link itself, for clients that cannot read a redirect (web pages)',
      schema: downloadLinkView,
      headers: ['Repr-Digest', 'Cache-Control'],
    },
  ],
  errors: [400, 401, 403, 404, 410],
  errorNotes: {
    403: NO_ACCESS,
    404: "resourceNotFound: no such message or attachment in this company's e-Box",
    410: 'documentExpired: the message expired and was deleted',
  },
  touches: { table: { access: 'readWrite', partitions: ['CLIENT#', 'ENT#', 'MSG#'] }, bucket: { read: ['documents'] } },
});
