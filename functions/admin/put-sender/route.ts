import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { senderView } from '../../views';
import { body as putSenderBody, params as putSenderParams } from './schema';

/** PUT /v1/admin/senders/{senderId} */
export const route = defineRoute({
  method: 'PUT',
  path: '/v1/admin/senders/{senderId}',
  summary: 'Create or replace an institution',
  description: 'An institution (sender) and the document types it publishes.',
  tag: 'Admin',
  security: [SCOPES.admin],
  params: putSenderParams,
  body: putSenderBody,
  responses: [{ status: 200, description: 'The institution as stored', schema: senderView }],
  errors: [400, 401, 403],
  touches: { table: { access: 'readWrite', partitions: ['SENDER#'] } },
});
