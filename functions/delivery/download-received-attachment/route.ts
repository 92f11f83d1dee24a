import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_AN_INSTITUTION } from '../../error-notes';
import { downloadLinkView } from '../../views';
import { attachmentParams as receivedAttachmentParams } from '../get-received/schema';

/** GET /v1/received/{companyMessageId}/attachments/{attachmentId}/content */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/received/{companyMessageId}/attachments/{attachmentId}/content',
  summary: 'Download an attachment a company sent to this institution',
  description: 'Redirects to a short-lived presigned URL; Repr-Digest carries the SHA-256 recorded when the company sent it.',
  tag: 'Delivery',
  security: [SCOPES.publish],
  params: receivedAttachmentParams,
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
    403: NOT_AN_INSTITUTION,
    404: 'resourceNotFound: no such message or attachment for this institution',
    410: 'documentExpired: the message expired (a reply with the message it answers, a company message after a year); it is deleted soon after, then 404',
  },
  touches: { table: { access: 'read', indexes: ['gsi1'], partitions: ['CLIENT#', 'RCV#'] }, bucket: { read: ['company-messages'] } },
});
