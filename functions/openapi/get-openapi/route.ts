import { defineRoute } from '../../../shared/http/route-contract';
import { openApiView } from '../../views';

/** GET /openapi.json */
export const route = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  summary: 'This OpenAPI document',
  description: 'Generated from the zod schemas the handlers validate with.',
  tag: 'Service',
  security: 'public',
  responses: [{ status: 200, description: 'The OpenAPI 3.1 document', schema: openApiView }],
  errors: [],
  touches: {},
});
