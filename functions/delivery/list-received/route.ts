import { SCOPES } from '../../../shared/domain/roles';
import { pagedQuery } from '../../../shared/http/query';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_AN_INSTITUTION } from '../../error-notes';
import { companyMessagePage } from '../../views';

/** GET /v1/received */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/received',
  summary: 'List what companies sent to this institution',
  description: 'Replies and messages that companies sent to this institution, newest first.',
  tag: 'Delivery',
  security: [SCOPES.publish],
  query: pagedQuery,
  responses: [{ status: 200, description: 'A page of company messages', schema: companyMessagePage }],
  errors: [400, 401, 403],
  errorNotes: { 403: NOT_AN_INSTITUTION },
  touches: { table: { access: 'read', indexes: ['gsi1'], partitions: ['CLIENT#', 'RCV#'] } },
  waivers: { 'col-name': 'published in the v1 contract: what companies sent, seen by the institution (a participle, not a noun)' },
});
