import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Starts the local runtime exactly as `npm start` does (timers off: tests run jobs on demand) on
 * free ports, and waits for /health. Its output goes to .local-data/<project>-runtime.log (integration or e2e).
 */
const ROOT = path.resolve(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

declare global {
  var eboxRuntime: ChildProcess | undefined;
}

export default async function globalSetup(_globalConfig: unknown, projectConfig?: { displayName?: { name?: string } | string }): Promise<void> {
  const display = projectConfig?.displayName;
  const project = (typeof display === 'string' ? display : display?.name) ?? 'integration';
  const [port, dynamodbPort, fauxqsPort, sesPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  mkdirSync(path.join(ROOT, '.local-data'), { recursive: true });
  const log = createWriteStream(path.join(ROOT, `.local-data/${project}-runtime.log`));
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'infra/local/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DYNAMODB_PORT: String(dynamodbPort),
      FAUXQS_PORT: String(fauxqsPort),
      SES_PORT: String(sesPort),
      LOCAL_TIMERS: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  globalThis.eboxRuntime = child;

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The local runtime exited (${child.exitCode}); see .local-data/${project}-runtime.log`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The local runtime did not serve /health within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  Object.assign(process.env, {
    EBOX_URL: url,
    EBOX_DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamodbPort}`,
    EBOX_FAUXQS_ENDPOINT: `http://127.0.0.1:${fauxqsPort}`,
    EBOX_SES_ENDPOINT: `http://127.0.0.1:${sesPort}`,
  });
}
