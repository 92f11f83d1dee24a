import { defineRoute } from '../../../shared/http/route-contract';
import { openApiView } from '../../views';

/** GET /doc/openapi.json */
export const route = defineRoute({
  method: 'GET',
  path: '/doc/openapi.json',
  summary: 'This OpenAPI document',
  description: 'Where the belgif REST guide puts the contract. Generated from the zod schemas the handlers validate with; the same as GET /openapi.json.',
  tag: 'Service',
  security: 'public',
  responses: [{ status: 200, description: 'The OpenAPI 3.1 document', schema: openApiView }],
  errors: [],
  touches: {},
});
