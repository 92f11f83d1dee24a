import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_AN_INSTITUTION } from '../../error-notes';
import { sentMessagePage } from '../../views';
import { query as listMessagesQuery } from './schema';

/** GET /v1/messages */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/messages',
  summary: 'List the messages this institution published',
  description: 'Newest first, optionally only those with an externalId.',
  tag: 'Delivery',
  security: [SCOPES.publish],
  query: listMessagesQuery,
  responses: [{ status: 200, description: 'A page of messages', schema: sentMessagePage }],
  errors: [400, 401, 403],
  errorNotes: { 403: NOT_AN_INSTITUTION },
  touches: { table: { access: 'read', indexes: ['gsi1'], partitions: ['CLIENT#', 'MSG#', 'SND#'] } },
});
