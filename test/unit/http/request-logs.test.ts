import '../fixtures/info-logs';
import { routeHandler } from '../../../shared/http/api-handler';
import { noContent } from '../../../shared/http/responses';
import type { RouteContract } from '../../../shared/http/route-contract';
import { testAccessTokens } from '../fixtures/access-tokens';
import { httpEvent, lambdaContext } from '../fixtures/http-event';

const route: RouteContract = {
  method: 'DELETE',
  path: '/v1/enterprises/{n}/access/{ssin}',
  summary: 'A route of this test',
  tag: 'Access management',
  security: ['ebox/read'],
  responses: [{ status: 204, description: 'removed' }],
  errors: [],
  touches: {},
};

/** What the handler wrote to stdout, one JSON log entry per line. */
async function logsOf(run: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return lines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('request logs', () => {
  it('carry the Lambda request id and the trace ids, and mask the SSIN of the path', async () => {
    const context = lambdaContext();
    const handler = routeHandler(
      route,
      async () => noContent(),
      () => testAccessTokens,
    );
    const event = httpEvent({
      method: 'DELETE',
      route: route.path,
      path: '/v1/enterprises/0123456749/access/85073003328',
      headers: { 'belgov-trace-id': 'client-7' },
    });
    const entries = await logsOf(() => handler(event, context));
    expect(entries.find((entry) => entry.message === 'request handled')).toMatchObject({
      function_request_id: context.awsRequestId,
      traceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      relatedTraceId: 'client-7',
      route: 'DELETE /v1/enterprises/{n}/access/{ssin}',
      path: '/v1/enterprises/0123456749/access/***********',
      status: 204,
    });
    expect(JSON.stringify(entries)).not.toContain('85073003328');
  });
});
