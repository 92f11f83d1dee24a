import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_ACCESS } from '../../error-notes';
import { messageSummaryPage } from '../../views';
import { enterpriseParams } from '../enterprise-params';
import { query as listInboxQuery } from './schema';

/** GET /v1/enterprises/{enterpriseNumber}/messages */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}/messages',
  summary: "List a company's messages",
  description: 'Newest first; the filters combine with AND. Expired messages never appear.',
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: enterpriseParams,
  query: listInboxQuery,
  responses: [{ status: 200, description: 'A page of message summaries', schema: messageSummaryPage }],
  errors: [400, 401, 403],
  errorNotes: { 403: NO_ACCESS },
  touches: { table: { access: 'read', partitions: ['CLIENT#', 'ENT#'] } },
});
