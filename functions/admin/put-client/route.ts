import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { response as clientBindingView, body as putClientBody, params as putClientParams } from './schema';

/** PUT /v1/admin/clients/{clientId} */
export const route = defineRoute({
  method: 'PUT',
  path: '/v1/admin/clients/{clientId}',
  summary: 'Bind a machine client',
  description: 'Binds a client either to an institution (its back office publishes) or to a company (its own system reads).',
  tag: 'Admin',
  security: [SCOPES.admin],
  params: putClientParams,
  body: putClientBody,
  responses: [{ status: 200, description: 'The binding', schema: clientBindingView }],
  errors: [400, 401, 403],
  errorNotes: { 400: 'badRequest; referencedResourceNotFound when the institution is not registered' },
  touches: { table: { access: 'readWrite', partitions: ['CLIENT#', 'SENDER#'] } },
});
