import { once } from 'node:events';
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Front {
  endpoint: string;
  stop(): Promise<void>;
}

/** What S3 does with `response-*` query parameters of a signed GET: it sets those response headers. */
const OVERRIDES: ReadonlyArray<readonly [string, string]> = [
  ['response-content-disposition', 'content-disposition'],
  ['response-content-type', 'content-type'],
  ['response-cache-control', 'cache-control'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
];

/** `20261130T155142Z` + X-Amz-Expires seconds, as the instant a presigned URL stops working. */
function presignedUntil(query: URLSearchParams): number | undefined {
  const signed = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(query.get('X-Amz-Date') ?? '');
  const seconds = Number(query.get('X-Amz-Expires'));
  if (!signed || !Number.isFinite(seconds)) return undefined;
  const [, year, month, day, hour, minute, second] = signed;
  return Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`) + seconds * 1000;
}

/**
 * Sits in front of the S3 emulator (fauxqs) and adds what it lacks of S3's presigned URLs, so the
 * product behaves locally as in AWS: an expired URL is refused (403 "Request has expired", on the
 * runtime's clock, which tests move forward), and `response-content-disposition` and friends set
 * the response headers (so a browser saves a PDF under its name instead of showing it).
 */
export async function startS3Front(target: string, now: () => Date): Promise<S3Front> {
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://s3.local');
    const until = presignedUntil(url.searchParams);
    if (until !== undefined && until < now().getTime()) {
      outgoing.writeHead(403, { 'Content-Type': 'application/xml' });
      outgoing.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
      return;
    }
    const upstreamRequest = forward(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
      (response) => {
        const status = response.statusCode ?? 502;
        const headers: Record<string, string | string[] | undefined> = { ...response.headers };
        if (status < 300)
          for (const [parameter, header] of OVERRIDES) if (url.searchParams.has(parameter)) headers[header] = url.searchParams.get(parameter) ?? '';
        outgoing.writeHead(status, headers);
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
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
