import { z } from 'zod';
import { JOB_NAMES } from './jobs';
import { startRuntime } from './runtime';

/** `npm start`: the whole e-Box on this machine, until Ctrl-C. */
const port = z.coerce.number().int().min(1).max(65_535);
const settings = z
  .object({
    PORT: port.default(3000),
    DYNAMODB_PORT: port.default(8000),
    FAUXQS_PORT: port.default(4566),
    SES_PORT: port.default(8005),
    LOCAL_TIMERS: z.enum(['on', 'off']).default('on'),
  })
  .parse(process.env);

async function main(): Promise<void> {
  const began = Date.now();
  console.log('Starting e-Box Enterprise locally…');
  const runtime = await startRuntime({
    port: settings.PORT,
    dynamodbPort: settings.DYNAMODB_PORT,
    fauxqsPort: settings.FAUXQS_PORT,
    sesPort: settings.SES_PORT,
    timers: settings.LOCAL_TIMERS === 'on',
    progress: (line) => console.log(line),
  });
  const { url } = runtime;
  console.log(
    [
      '',
      `e-Box Enterprise is up in ${((Date.now() - began) / 1000).toFixed(1)} s`,
      `  portal         ${url}/   (sign in with any valid SSIN and a name)`,
      `  API            ${url}/v1   (health: ${url}/health, contract: ${url}/doc/openapi.json)`,
      `  tokens         POST ${url}/local/token   (JWKS: ${url}/local/.well-known/jwks.json)`,
      `  clock          GET|POST ${url}/local/clock`,
      `  jobs           POST ${url}/local/jobs/{${JOB_NAMES.join('|')}}  (timers ${settings.LOCAL_TIMERS})`,
      `  emails         GET ${url}/local/emails   (web inbox: ${runtime.endpoints.ses})`,
      `  DynamoDB Local ${runtime.endpoints.dynamodb}   SQS+S3 ${runtime.endpoints.fauxqs}`,
      '',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the emulators…`);
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
}

main().catch((error: unknown) => {
  console.error(`\nCould not start e-Box Enterprise: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
