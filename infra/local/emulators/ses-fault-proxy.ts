import { once } from 'node:events';
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SesFaultProxy {
  endpoint: string;
  /** While true, every send is rejected the way SES rejects one (400 MessageRejected). */
  failing: boolean;
  stop(): Promise<void>;
}

/**
 * Sits between the handlers and the SES emulator so that a developer or a test can make SES fail
 * (POST /local/faults) and watch the queue retry and dead-letter, without touching product code.
 */
export async function startSesFaultProxy(target: string): Promise<SesFaultProxy> {
  const upstream = new URL(target);
  const proxy: SesFaultProxy = { endpoint: '', failing: false, stop: async () => undefined };
  const server = createServer((incoming, outgoing) => {
    if (proxy.failing) {
      outgoing.writeHead(400, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'MessageRejected' });
      outgoing.end(JSON.stringify({ message: 'Email sending is failing on purpose (POST /local/faults)' }));
      return;
    }
    const upstreamRequest = forward(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstreamRequest.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstreamRequest);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
