/**
 * `npm run bench` (`-- --quick`: fewer rounds and samples, under two minutes):
 * 1. the Lambda bundles in cdk.out: size and module init (synthesized first if missing), before
 *    the runtime starts;
 * 2. what the daily expiry-warning job reads as the table grows (counts);
 * 3. each request path against its floor, the bare SDK on the same emulators (ratios), with the
 *    AWS calls and capacity units of one request, counted;
 * 4. a publication campaign at reduced scale, writes counted per partition key (hot keys);
 * 2 to 4 against the local runtime, started in-process.
 * Prints each table and writes them to bench/results.md.
 */
import './quiet-logs';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startRuntime } from '../infra/local/runtime';
import { createAwsClients } from '../shared/adapters/aws-clients';
import { container } from '../shared/container';
import { Api, InProcessApi } from './api';
import { bundlesTable, measureBundles } from './bundles';
import { CallCounter } from './call-counter';
import { campaignReport, simulateCampaign } from './campaign';
import { measureExpiryWarnings } from './expiry-warnings';
import { httpRoundTrip, measurePaths, pathsTable } from './request-paths';

const quick = process.argv.includes('--quick');
const SETTINGS = quick
  ? { expiryFactors: [1, 10], rounds: 3, requests: 16, campaign: { companies: 100, publications: 200, seed: 13 }, initSamples: 5 }
  : { expiryFactors: [1, 10, 100], rounds: 7, requests: 40, campaign: { companies: 500, publications: 1_500, seed: 13 }, initSamples: 11 };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function main(): Promise<void> {
  const began = Date.now();
  const sections: string[] = [];
  const section = (title: string, lines: string[]) => {
    const text = [`## ${title}`, '', ...lines, ''].join('\n');
    console.log(`\n${text}`);
    sections.push(text);
  };
  // First, before the emulators (a JVM among them) compete for the CPUs.
  section('Lambda bundles: size and module init', [
    `Module init: \`require\` of the bundle in a fresh Node.js ${process.version} process with the function's NODE_OPTIONS, median of ${SETTINGS.initSamples}, measured before the emulators start.`,
    '',
    ...bundlesTable(measureBundles(SETTINGS.initSamples, (line) => console.log(line))),
  ]);
  const [port, dynamodbPort, fauxqsPort, sesPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const runtime = await startRuntime({ port, dynamodbPort, fauxqsPort, sesPort, timers: false, portal: false, progress: (line) => console.log(line) });
  try {
    const deps = container();
    const api = new Api(runtime.url);
    const admin = await api.token({ clientId: 'bench-ops', scope: 'ebox/admin' });
    const counter = new CallCounter(deps.clients);

    section('Expiry warnings: what the daily job reads as the table grows', [
      ...(await measureExpiryWarnings(SETTINGS.expiryFactors)),
      '',
      'The job reads the expiry index only for the days of the warning window: queries and capacity stay flat as the table grows.',
    ]);

    const floorClients = createAwsClients(deps.config);
    const paths = await measurePaths({
      rounds: SETTINGS.rounds,
      requests: SETTINGS.requests,
      api,
      inProcess: new InProcessApi(runtime.invoke),
      admin,
      counter,
      floorClients,
      floorCounter: new CallCounter(floorClients),
      config: deps.config,
    });
    section('Request paths against their floor', [
      `${SETTINGS.rounds} rounds, e-Box and floor interleaved. Publish: requests per second (ratio e-Box ÷ floor, higher is better; floor: S3 PutObject + one TransactWriteItems of 4 items). Reads: median latency of ${SETTINGS.requests} requests one after the other (ratio e-Box ÷ floor, lower is better; floors: one Query of 50, one consistent GetItem, GetItem + presign, GetItem). The e-Box side goes through HTTP, the token's verification and the access check; the floor does not. Calls and capacity units: one request, counted by a middleware on the handlers' SDK clients (capacity as DynamoDB Local reports it); a presigned URL counts as its command (S3 GetObject), though it sends no request. In sequence: how many requests one waited for one after the other (those in parallel count once), the e-Box's and the floor's: in AWS, which serves parallel requests in parallel, that is what a request's latency is made of; here they mostly queue (one DynamoDB Local, one Node.js process), so each request counts. Handler in-process: the same request handed to its handler as the local gateway does once it has read the HTTP request (the event API Gateway would send), without HTTP, ÷ the same floor, measured in the same rounds: what the e-Box's own code costs; the targets are judged on the ratio through HTTP.`,
      '',
      ...pathsTable(paths, await httpRoundTrip(api, SETTINGS.requests)),
    ]);

    const campaign = campaignReport(await simulateCampaign(api, admin, counter, SETTINGS.campaign));
    section('Campaign: writes per partition key', campaign.rows);
    // The figures are written either way; a key over its share fails the run.
    if (!campaign.passed) process.exitCode = 1;

    const header = [
      '# Benchmark results',
      '',
      `\`npm run bench${quick ? ' -- --quick' : ''}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(
          ' ',
        )} at the end, Node.js ${process.version}; ${((Date.now() - began) / 1000).toFixed(0)} s in all. Figures from a shared machine: read the ratios and counts, not the absolute times.`,
      '',
    ].join('\n');
    writeFileSync(path.join(__dirname, 'results.md'), `${header}\n${sections.join('\n')}`);
    console.log(`\nWritten to bench/results.md in ${((Date.now() - began) / 1000).toFixed(0)} s.`);
  } finally {
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
