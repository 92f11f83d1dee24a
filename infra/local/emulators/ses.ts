import type { AddressInfo } from 'node:net';
import startSesServer from 'aws-ses-v2-local';

export interface RunningSes {
  endpoint: string;
  stop(): Promise<void>;
}

/** aws-ses-v2-local: accepts SESv2 sends and keeps them in memory (GET /store reads them back). */
export async function startSes(port: number): Promise<RunningSes> {
  const server = await startSesServer({ host: '127.0.0.1', port });
  const { port: bound } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
