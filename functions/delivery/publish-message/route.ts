import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_AN_INSTITUTION } from '../../error-notes';
import { deliveryView } from '../../views';
import { body as publishMessageBody } from './schema';

/** POST /v1/messages */
export const route = defineRoute({
  method: 'POST',
  path: '/v1/messages',
  summary: 'Publish a message to a company',
  description:
    'Attachments are PDFs, inline (at most 4 MiB decoded in total) or uploaded first with POST /v1/uploads (at most 50 MiB each). ' +
    'The same externalId again with the same content returns the original message (200) without publishing it twice.',
  tag: 'Delivery',
  security: [SCOPES.publish],
  body: publishMessageBody,
  responses: [
    { status: 201, description: 'Published', schema: deliveryView, headers: ['Location'] },
    {
      status: 200,
      description: 'Already published with this externalId and the same content: the original message',
      schema: deliveryView,
      headers: ['Location'],
    },
  ],
  errors: [400, 401, 403, 409, 413, 415],
  errorNotes: {
    403: NOT_AN_INSTITUTION,
    409: 'externalIdConflict: the externalId was already used for a message with different content',
    413: 'payloadTooLarge: inline attachments exceed 4 MiB in total',
    415: 'unsupportedMediaType: an attachment is not a PDF',
  },
  touches: {
    table: { access: 'readWrite', partitions: ['CLIENT#', 'ENT#', 'MSG#', 'SENDER#', 'SND#', 'UPLOAD#'] },
    bucket: { read: ['uploads'], write: ['documents'], delete: ['documents', 'uploads'] },
  },
});
