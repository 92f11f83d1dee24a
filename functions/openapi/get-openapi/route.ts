import { defineRoute } from '../../../shared/http/route-contract';
import { openApiView } from '../../views';

/** GET /openapi.json */
export const route = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  summary: 'This OpenAPI document (published v1 address)',
  description: 'The address the v1 contract published; the same document as GET /doc/openapi.json, where the belgif REST guide puts it.',
  tag: 'Service',
  security: 'public',
  responses: [{ status: 200, description: 'The OpenAPI 3.1 document', schema: openApiView }],
  errors: [],
  touches: {},
  waivers: {
    'uri-extens': 'the v1 contract published this address; /doc/openapi.json serves the same document',
    'uri-notat': 'the v1 contract published this address; /doc/openapi.json serves the same document',
  },
});
