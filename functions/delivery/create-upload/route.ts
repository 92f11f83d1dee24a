import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_AN_INSTITUTION } from '../../error-notes';
import { body as createUploadBody, response as uploadView } from './schema';

/** POST /v1/uploads */
export const route = defineRoute({
  method: 'POST',
  path: '/v1/uploads',
  summary: 'Prepare the upload of a large PDF',
  description: 'Returns a presigned URL to PUT the bytes to; refer to uploadId in a message. Size and digest are checked at publication.',
  tag: 'Delivery',
  security: [SCOPES.publish],
  body: createUploadBody,
  responses: [{ status: 201, description: 'Where to upload', schema: uploadView }],
  errors: [400, 401, 403],
  errorNotes: { 403: NOT_AN_INSTITUTION },
  touches: { table: { access: 'readWrite', partitions: ['CLIENT#', 'UPLOAD#'] }, bucket: { write: ['uploads'] } },
});
