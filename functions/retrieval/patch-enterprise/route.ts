import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_ACCESS } from '../../error-notes';
import { profileView } from '../../views';
import { enterpriseParams } from '../enterprise-params';
import { body as patchEnterpriseBody } from './schema';

/** PATCH /v1/enterprises/{enterpriseNumber} */
export const route = defineRoute({
  method: 'PATCH',
  path: '/v1/enterprises/{enterpriseNumber}',
  summary: "Change a company's contact preferences",
  description: 'Users and access managers may change these; each change is audited.',
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: enterpriseParams,
  body: patchEnterpriseBody,
  responses: [{ status: 200, description: 'The profile after the change', schema: profileView }],
  errors: [400, 401, 403, 404],
  errorNotes: { 403: `${NO_ACCESS}; machine clients may read the profile but not change it`, 404: 'resourceNotFound: the company is not registered' },
  touches: { table: { access: 'readWrite', indexes: ['unread'], partitions: ['CLIENT#', 'ENT#', 'UNREAD#'] } },
});
