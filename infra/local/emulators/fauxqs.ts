export interface RunningFauxqs {
  /** One endpoint serves both SQS and S3. */
  endpoint: string;
  stop(): Promise<void>;
}

/** fauxqs: in-memory SQS and S3 on one port, in this process. */
export async function startFauxqs(port: number): Promise<RunningFauxqs> {
  // fauxqs ships ESM only; a dynamic import keeps this CommonJS module loadable.
  const { startFauxqs: start } = await import('fauxqs');
  const server = await start({ port, host: '127.0.0.1', logger: false, defaultRegion: 'eu-west-1' });
  return { endpoint: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}
