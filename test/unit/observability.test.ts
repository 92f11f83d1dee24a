import './fixtures/quiet-logs';
import { lambdaContext } from './fixtures/http-event';

/** Which Powertools tracer modules were required, recorded as jest loads them. */
const mockRequired: string[] = [];
jest.mock('@aws-lambda-powertools/tracer', () => {
  mockRequired.push('@aws-lambda-powertools/tracer');
  return jest.requireActual('@aws-lambda-powertools/tracer');
});
jest.mock('@aws-lambda-powertools/tracer/middleware', () => {
  mockRequired.push('@aws-lambda-powertools/tracer/middleware');
  return jest.requireActual('@aws-lambda-powertools/tracer/middleware');
});

describe('observability outside Lambda (local runtime, tests, bench)', () => {
  it('traces nothing and never loads the X-Ray SDK, whose async hooks would tax every promise', async () => {
    delete process.env.AWS_EXECUTION_ENV;
    const { jobHandler, traced } = require('../../shared/observability') as typeof import('../../shared/observability');
    const client = { send: () => Promise.resolve() };
    expect(traced(client)).toBe(client);
    await expect(jobHandler(async () => 'done')({}, lambdaContext())).resolves.toBe('done');
    expect(mockRequired).toEqual([]);
  });
});
