import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_ACCESS_MANAGER } from '../../error-notes';
import { enterpriseParams } from '../../retrieval/enterprise-params';
import { auditPage } from '../../views';
import { query as listAuditQuery } from './schema';

/** GET /v1/enterprises/{enterpriseNumber}/audit */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}/audit',
  summary: "Read a company's audit trail",
  description: 'Newest first.',
  tag: 'Access management',
  security: [SCOPES.read],
  params: enterpriseParams,
  query: listAuditQuery,
  responses: [{ status: 200, description: 'A page of audit entries', schema: auditPage }],
  errors: [400, 401, 403],
  errorNotes: { 403: NOT_ACCESS_MANAGER },
  touches: { table: { access: 'read', partitions: ['CLIENT#', 'ENT#'] } },
  waivers: { 'col-name': 'published in the v1 contract: the audit trail, one collection named as a whole' },
});
