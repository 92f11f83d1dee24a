import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_AN_INSTITUTION } from '../../error-notes';
import { deliveryView } from '../../views';
import { params as getMessageParams } from './schema';

/** GET /v1/messages/{messageId} */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/messages/{messageId}',
  summary: 'Get a published message and its delivery status',
  description:
    "The institution's own record of a message it published: DELIVERED, READ (with firstReadAt, the first read or download by the company, which never changes) or EXPIRED; kept a year after expiry. Another institution's message is a 404.",
  tag: 'Delivery',
  security: [SCOPES.publish],
  params: getMessageParams,
  responses: [{ status: 200, description: 'The message with DELIVERED, READ or EXPIRED', schema: deliveryView }],
  errors: [400, 401, 403, 404],
  errorNotes: { 403: NOT_AN_INSTITUTION, 404: "resourceNotFound: no such message, or another institution's" },
  touches: { table: { access: 'read', partitions: ['CLIENT#', 'MSG#'] } },
});
