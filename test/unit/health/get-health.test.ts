import '../fixtures/quiet-logs';
import type { HealthReport } from '../../../shared/ports/health';
import { httpEvent, jsonBody, lambdaContext } from '../fixtures/http-event';

const report: { current: HealthReport } = {
  current: { status: 'UP', details: { datastore: { status: 'UP' }, documentStore: { status: 'UP' } } },
};
jest.mock('../../../shared/container', () => ({ container: () => ({ health: { check: async () => report.current } }) }));

import { handler } from '../../../functions/health/get-health/handler';

const call = async () => handler(httpEvent({ route: '/health', claims: null }), lambdaContext());

describe('GET /health', () => {
  it('answers 200 {"status": "UP"} and nothing more when every dependency answers', async () => {
    report.current = { status: 'UP', details: { datastore: { status: 'UP' }, documentStore: { status: 'UP' } } };
    const response = await call();
    expect(response.statusCode).toBe(200);
    expect(jsonBody(response)).toEqual({ status: 'UP' });
  });

  it('answers 503 {"status": "DOWN"} with the dependency that did not answer (belgif), not a problem', async () => {
    report.current = { status: 'DOWN', details: { datastore: { status: 'DOWN' }, documentStore: { status: 'UP' } } };
    const response = await call();
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['Content-Type']).toBe('application/json');
    expect(jsonBody(response)).toEqual({ status: 'DOWN', details: { datastore: { status: 'DOWN' }, documentStore: { status: 'UP' } } });
  });
});
