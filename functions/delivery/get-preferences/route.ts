import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NOT_AN_INSTITUTION } from '../../error-notes';
import { enterpriseParams } from '../../retrieval/enterprise-params';
import { preferencesView } from '../../views';

/** GET /v1/enterprises/{enterpriseNumber}/preferences */
export const route = defineRoute({
  method: 'GET',
  path: '/v1/enterprises/{enterpriseNumber}/preferences',
  summary: 'Whether a company receives everything digitally',
  description:
    'Whether the company asked to receive everything digitally (and since when). Any valid enterprise number: false when the company is not registered.',
  tag: 'Delivery',
  security: [SCOPES.publish],
  params: enterpriseParams,
  responses: [{ status: 200, description: "The company's preference", schema: preferencesView }],
  errors: [400, 401, 403],
  errorNotes: { 403: NOT_AN_INSTITUTION },
  touches: { table: { access: 'read', partitions: ['CLIENT#', 'ENT#'] } },
});
