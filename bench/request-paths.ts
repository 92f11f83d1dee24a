import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ulid } from 'ulid';
import type { AwsClients } from '../shared/adapters/aws-clients';
import { keys } from '../shared/adapters/dynamodb/keys';
import type { Config } from '../shared/config';
import type { Api, ApiClient, InProcessApi } from './api';
import { type CallCounter, type CallCounts, describeCalls, requestsInSequence, totalCalls } from './call-counter';
import { type Company, company, inParallel, type Institution, inlinePdf, institution, pdfOf, publish, type Published } from './fixtures';
import { median, spread } from './stats';

/**
 * Each request path of the e-Box against its floor: the bare AWS SDK doing the least the same
 * request needs, on the same emulators. Rounds interleave the two (and swap which goes first), so
 * that the machine's drift hits both; each round gives a ratio, and the table shows their median
 * and spread.
 */
export interface PathResult {
  name: string;
  /** throughput: e-Box ÷ floor (higher is better); latency: e-Box ÷ floor (lower is better). */
  kind: 'throughput' | 'latency';
  target: number;
  ratios: number[];
  ebox: number[];
  floor: number[];
  /** The same request handed to its handler in-process (no local HTTP), ÷ the floor. */
  inProcessRatios: number[];
  counted: CallCounts;
  /** The floor's requests, counted the same way. */
  floorCounted: CallCounts;
}

interface Path {
  name: string;
  kind: 'throughput' | 'latency';
  target: number;
  concurrency: number;
  requests: number;
  ebox: (api: ApiClient, index: number) => Promise<unknown>;
  floor: (index: number) => Promise<unknown>;
}

export interface PathOptions {
  rounds: number;
  /** Requests per measurement of a latency path, and per measurement of a publish path (× concurrency). */
  requests: number;
  api: Api;
  /** The same runtime's handlers, invoked without HTTP. */
  inProcess: InProcessApi;
  admin: string;
  /** The container's clients and a second set for the floors, each watched by its counter. */
  counter: CallCounter;
  floorClients: AwsClients;
  floorCounter: CallCounter;
  config: Config;
}

const COMPANIES = 16;
const INBOX = 1_000;

/** Requests per second over `requests` requests, `concurrency` at a time. */
async function throughput(requests: number, concurrency: number, run: (index: number) => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await inParallel(requests, concurrency, run);
  return requests / ((performance.now() - began) / 1000);
}

/** Median milliseconds of `requests` requests one after the other. */
async function latency(requests: number, run: (index: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < requests; index += 1) {
    const began = performance.now();
    await run(index);
    times.push(performance.now() - began);
  }
  return median(times);
}

/**
 * Median milliseconds of a local HTTP round trip that reaches no handler (`GET /local/clock`): the
 * share of each e-Box read that is this machine's HTTP, which API Gateway replaces in AWS.
 */
export function httpRoundTrip(api: Api, requests: number): Promise<number> {
  return latency(requests, () => api.expect(200, 'GET', '/local/clock'));
}

export async function measurePaths(options: PathOptions): Promise<PathResult[]> {
  const { api, admin, floorClients, config } = options;
  const table = config.tableName;
  const bucket = config.bucketName;
  const onss: Institution = await institution(api, admin, 'bench-onss');
  const companies: Company[] = [];
  for (let index = 0; index < COMPANIES; index += 1) companies.push(await company(api, admin, index));
  const reader = companies[0] as Company;
  let sequence = 0;
  const externalId = () => {
    sequence += 1;
    return `bench-${process.pid}-${sequence}`;
  };

  // The inbox of 1,000 (body-only messages: the page reads items, not PDFs), and one message with a PDF to read.
  await inParallel(INBOX - 1, 8, () => publish(api, onss, reader.enterpriseNumber, externalId()));
  const withPdf: Published = await publish(api, onss, reader.enterpriseNumber, externalId(), inlinePdf(100 * 1024));
  const attachmentId = withPdf.attachments[0]?.attachmentId ?? '';
  const n = reader.enterpriseNumber;

  const floorPublish = (pdf: Buffer) => async (index: number) => {
    const to = (companies[index % COMPANIES] as Company).enterpriseNumber;
    const messageId = ulid();
    await floorClients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: `bench/${to}/${messageId}/a.pdf`, Body: pdf, ContentType: 'application/pdf' }));
    // The same four writes as a publication: the message, its delivery record, the idempotency record, the unread count.
    await floorClients.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { pk: `BENCH#${to}`, sk: `MSG#${messageId}`, subject: 'bench' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table, Item: { pk: `BENCH#MSG#${messageId}`, sk: 'DELIVERY', gsi1pk: 'BENCH#SND', gsi1sk: messageId } } },
          { Put: { TableName: table, Item: { pk: `BENCH#EXT#${messageId}`, sk: 'IDEMPOTENCY' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: table,
              Key: { pk: `BENCH#${to}`, sk: 'PROFILE' },
              UpdateExpression: 'ADD unread :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
  };
  const publishPath = (label: string, bytes: number, concurrency: number): Path => {
    const inline = inlinePdf(bytes);
    const pdf = pdfOf(bytes);
    return {
      name: `publish ${label}, ${concurrency} at a time`,
      kind: 'throughput',
      target: 0.8,
      concurrency,
      requests: Math.max(options.requests, concurrency * 2),
      ebox: (client, index) => publish(client, onss, (companies[index % COMPANIES] as Company).enterpriseNumber, externalId(), inline),
      floor: floorPublish(pdf),
    };
  };
  const paths: Path[] = [
    publishPath('100 KB', 100 * 1024, 1),
    publishPath('100 KB', 100 * 1024, 8),
    publishPath('1 MB', 1024 * 1024, 1),
    publishPath('1 MB', 1024 * 1024, 8),
    {
      name: 'inbox: a page of 50 of 1,000',
      kind: 'latency',
      target: 1.3,
      concurrency: 1,
      requests: options.requests,
      ebox: (client) => client.expect(200, 'GET', `/v1/enterprises/${n}/messages?pageSize=50`, reader.token),
      floor: () =>
        floorClients.documents.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': keys.inbox(n).pk, ':prefix': keys.inbox(n).skPrefix },
            ScanIndexForward: false,
            Limit: 50,
          }),
        ),
    },
    {
      name: 'message GET',
      kind: 'latency',
      target: 2,
      concurrency: 1,
      requests: options.requests,
      ebox: (client) => client.expect(200, 'GET', `/v1/enterprises/${n}/messages/${withPdf.messageId}`, reader.token),
      floor: () => floorClients.documents.send(new GetCommand({ TableName: table, Key: keys.message(n, withPdf.messageId), ConsistentRead: true })),
    },
    {
      name: 'download (302 to a presigned URL)',
      kind: 'latency',
      target: 1.5,
      concurrency: 1,
      requests: options.requests,
      ebox: (client) => client.expect(302, 'GET', `/v1/enterprises/${n}/messages/${withPdf.messageId}/attachments/${attachmentId}/content`, reader.token),
      floor: async () => {
        await floorClients.documents.send(new GetCommand({ TableName: table, Key: keys.message(n, withPdf.messageId), ConsistentRead: true }));
        await getSignedUrl(floorClients.s3, new GetObjectCommand({ Bucket: bucket, Key: `documents/${n}/${withPdf.messageId}/${attachmentId}.pdf` }), {
          expiresIn: 300,
        });
      },
    },
    {
      name: 'company GET (with unread count)',
      kind: 'latency',
      target: 1.5,
      concurrency: 1,
      requests: options.requests,
      ebox: (client) => client.expect(200, 'GET', `/v1/enterprises/${n}`, reader.token),
      floor: () => floorClients.documents.send(new GetCommand({ TableName: table, Key: keys.enterprise(n), ConsistentRead: true })),
    },
  ];

  const results: PathResult[] = [];
  const { inProcess } = options;
  for (const path of paths) {
    // Warm-up (first requests load modules and fill caches), then one request counted.
    await path.ebox(api, 0);
    await path.ebox(inProcess, 0);
    await path.floor(0);
    options.counter.start();
    await path.ebox(api, 1);
    const counted = options.counter.stop();
    options.floorCounter.start();
    await path.floor(1);
    const floorCounted = options.floorCounter.stop();
    const result: PathResult = {
      name: path.name,
      kind: path.kind,
      target: path.target,
      ratios: [],
      ebox: [],
      floor: [],
      inProcessRatios: [],
      counted,
      floorCounted,
    };
    const measure = (run: (index: number) => Promise<unknown>) =>
      path.kind === 'throughput' ? throughput(path.requests, path.concurrency, run) : latency(path.requests, run);
    const sides = [(index: number) => path.ebox(api, index), path.floor, (index: number) => path.ebox(inProcess, index)];
    for (let round = 0; round < options.rounds; round += 1) {
      // Each round starts with another side, so that none is always first.
      const measured: number[] = [];
      for (let step = 0; step < sides.length; step += 1) {
        const side = (round + step) % sides.length;
        measured[side] = await measure(sides[side] as (index: number) => Promise<unknown>);
      }
      const [ebox = 0, floor = 1, inProcessSide = 0] = measured;
      result.ebox.push(ebox);
      result.floor.push(floor);
      result.ratios.push(ebox / floor);
      result.inProcessRatios.push(inProcessSide / floor);
    }
    results.push(result);
  }
  return results;
}

/** The table of ratios, with each target and whether it is met. */
export function pathsTable(results: PathResult[], roundTripMs: number): string[] {
  const rows = [
    '| path | e-Box | floor | ratio (median) | spread | target | met | handler in-process ÷ floor | AWS calls per request (counted) | in sequence: e-Box / floor | capacity units |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const result of results) {
    const ratio = median(result.ratios);
    const throughputPath = result.kind === 'throughput';
    const unit = throughputPath ? '/s' : ' ms';
    const met = throughputPath ? ratio >= result.target : ratio <= result.target;
    rows.push(
      `| ${result.name} | ${median(result.ebox).toFixed(1)}${unit} | ${median(result.floor).toFixed(1)}${unit} | ${ratio.toFixed(2)}× | ${spread(result.ratios)} | ${throughputPath ? '≥' : '≤'} ${result.target}× | ${met ? 'yes' : '**no**'} | ${median(result.inProcessRatios).toFixed(2)}× | ${totalCalls(result.counted.calls)}: ${describeCalls(result.counted.calls)} | ${requestsInSequence(result.counted.requests)} / ${requestsInSequence(result.floorCounted.requests)} | ${result.counted.capacityUnits.toFixed(1)} |`,
    );
  }
  rows.push(
    '',
    `A local HTTP round trip that reaches no handler (\`GET /local/clock\`) takes ${roundTripMs.toFixed(1)} ms (median): that much of each e-Box read is this machine's HTTP, which API Gateway replaces in AWS.`,
  );
  return rows;
}
