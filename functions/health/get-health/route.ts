import { defineRoute } from '../../../shared/http/route-contract';
import { healthView } from '../../views';

/** GET /health */
export const route = defineRoute({
  method: 'GET',
  path: '/health',
  summary: 'Health check',
  description: 'belgif health format; answers as soon as the function runs.',
  tag: 'Service',
  security: 'public',
  responses: [{ status: 200, description: 'The service is up', schema: healthView }],
  errors: [],
  touches: {},
});
