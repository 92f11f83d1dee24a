import {
  batchWrite,
  clockNow,
  countItems,
  DAY_MS,
  deleteRequests,
  drain,
  EXPIRY_SHARDS,
  expiryShardOf,
  fillerMessages,
  job,
  putRequests,
  storedMessage,
} from './support/aws-inspect';
import { publish, setupEnterprise, setupSender, type SenderSetup } from './support/fixtures';

/**
 * DESIGN.md: "the daily warning job's cost grows with the number of documents expiring that day,
 * not with the table". The job reports the queries it made and the capacity they consumed; this
 * file makes the table 10× larger with message-like items expiring far outside the window and
 * checks that the job costs the same for the same number of expiring documents.
 *
 * DynamoDB Local reports 0 capacity for a query that returns nothing, and 0.5 (an eventually
 * consistent read of up to 4 KB) for one that returns a few small items; so the capacity of a run
 * depends on how many (day, shard) partitions the expiring documents fall in, which the message
 * ids decide (sha256(id) mod 8). The test derives that number for each run and compares like with like.
 */
jest.setTimeout(600_000);

const N = 5;

interface WarningReport {
  ran: string;
  days: number;
  queries: number;
  capacityUnits: number;
  documents: number;
  companies: number;
}

interface Published {
  messageId: string;
  expiresAt: string;
}

/** The expiry-index partitions (`EXP#<day>#<shard>`) that some of these messages are in. */
const partitionsOf = (messages: Published[]) =>
  new Set(messages.map((message) => `${message.expiresAt.slice(0, 10)}#${expiryShardOf(message.messageId)}`)).size;

describe('cost of the expiry-warning job', () => {
  let sender: SenderSetup;
  let filler: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    sender = await setupSender();
  });

  afterAll(async () => {
    if (filler.length === 0) return;
    await batchWrite(deleteRequests(filler as Array<{ pk: unknown; sk: unknown }>));
    filler = [];
    // Let the stream consumer and the notifier see the filler's INSERT and REMOVE records now, so
    // later files do not pay for them.
    await job('stream');
    await job('notifier');
  });

  /** Publishes N documents expiring in 5 days to a fresh company, then runs the job. */
  async function runWithFreshCompany(): Promise<{ report: WarningReport; messages: Published[]; enterpriseNumber: string }> {
    const company = await setupEnterprise({ language: 'fr' });
    const messages: Published[] = [];
    for (let i = 0; i < N; i += 1)
      messages.push((await publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 5 })) as unknown as Published);
    const report = (await job('expiry-warnings')) as unknown as WarningReport;
    await job('notifier');
    return { report, messages, enterpriseNumber: company.enterpriseNumber };
  }

  it('costs the same queries and capacity for the same number of expiring documents when the table is 10× larger', async () => {
    // (a) Flush whatever is in the window now, so each run below sees only its own documents.
    await drain({ expiry: true });

    // (b) Baseline.
    const first = await runWithFreshCompany();
    expect(first.report).toMatchObject({ ran: 'expiry-warnings', documents: N, companies: 1 });
    for (const message of first.messages) expect(await storedMessage(first.enterpriseNumber, message.messageId)).not.toHaveProperty('expiryPk');
    const { queries: q1, capacityUnits: c1 } = first.report;
    const p1 = partitionsOf(first.messages);

    // (c) Ten times the table: message-like filler expiring 100+ days from the local clock.
    const before = await countItems();
    const now = await clockNow();
    // At least 9× what is there (2 000 at least, so a fresh runtime's small table still grows a lot).
    filler = fillerMessages(Math.max(9 * before, 2000), { now, companies: 20, daysAhead: 100 });
    for (const item of filler) expect(Date.parse(String(item.expiresAt))).toBeGreaterThan(now.getTime() + 100 * DAY_MS - 1000 * 1000);
    const started = Date.now();
    await batchWrite(putRequests(filler));
    const after = await countItems();
    expect(after).toBeGreaterThanOrEqual(10 * before);
    console.log(`expiry-cost: table ${before} → ${after} items (${filler.length} filler written in ${Date.now() - started} ms)`);

    // (d) The same number of documents expiring, in a 10× table.
    const second = await runWithFreshCompany();
    expect(second.report).toMatchObject({ ran: 'expiry-warnings', documents: N, companies: 1 });
    const { queries: q2, capacityUnits: c2 } = second.report;
    const p2 = partitionsOf(second.messages);
    console.log(
      `expiry-cost: run 1 queries=${q1} capacity=${c1} (${p1} non-empty partitions); run 2 queries=${q2} capacity=${c2} (${p2} non-empty partitions)`,
    );

    // One query per partition of the window, whatever the table holds.
    expect(q2).toBe(q1);
    expect(q1).toBe(first.report.days * EXPIRY_SHARDS);
    expect(q2).toBe(second.report.days * EXPIRY_SHARDS);
    // Capacity follows the partitions that hold expiring documents, not the table.
    expect(c1).toBe(0.5 * p1);
    expect(c2).toBe(0.5 * p2);
    if (p1 === p2) expect(c2).toBe(c1);
    else expect(c2 / p2).toBe(c1 / p1);
    expect(c2).toBeLessThan(10 * c1);
  });
});
