import { defineRoute } from '../../../shared/http/route-contract';
import { healthView } from './schema';

/** GET /health */
export const route = defineRoute({
  method: 'GET',
  path: '/health',
  summary: 'Health check',
  description:
    'belgif health check, without a token: UP when the datastore and the document store answer within 2 seconds, else DOWN (503) naming the one that did not. ' +
    'A result is reused for 10 seconds. Any other 5xx, or no answer, means the API is unreachable.',
  tag: 'Service',
  security: 'public',
  responses: [
    { status: 200, description: 'The service is up: `{"status": "UP"}`', schema: healthView },
    { status: 503, description: 'The service is down: `{"status": "DOWN", "details": {...}}`', schema: healthView },
  ],
  errors: [],
  // Reads of keys that never exist: a GetItem on the table, a GetObject in the bucket's empty health area.
  touches: { table: { access: 'read', partitions: ['HEALTH#'] }, bucket: { read: ['health'] } },
});
