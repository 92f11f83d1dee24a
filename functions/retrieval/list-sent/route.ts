import { SCOPES } from '../../../shared/domain/roles';
import { pagedQuery } from '../../../shared/http/query';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_ACCESS } from '../../error-notes';
import { companyMessagePage } from '../../views';
import { enterpriseParams } from '../enterprise-params';

/** GET /v1/enterprises/{enterpriseNumber}/sent */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}/sent',
  summary: 'List what a company sent',
  description: 'Replies and messages to institutions, newest first.',
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: enterpriseParams,
  query: pagedQuery,
  responses: [{ status: 200, description: 'A page of company messages', schema: companyMessagePage }],
  errors: [400, 401, 403],
  errorNotes: { 403: NO_ACCESS },
  touches: { table: { access: 'read', partitions: ['CLIENT#', 'ENT#'] } },
  waivers: { 'col-name': 'published in the v1 contract: what the company sent (a participle, not a noun)' },
});
