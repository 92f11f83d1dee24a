import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Dependency, HealthProbe, HealthReport, HealthStatus } from '../ports/health';

/** An item and an object that never exist: reading them costs the least either store offers. */
const ABSENT_ITEM = { pk: 'HEALTH#probe', sk: 'HEALTH' };
const ABSENT_OBJECT = 'health/probe';

/**
 * S3's answers for an absent key: NoSuchKey, or AccessDenied without s3:ListBucket (never granted:
 * it would let a function list every company's documents). Either way the bucket answered.
 */
const BUCKET_ANSWERED = new Set(['NoSuchKey', 'AccessDenied']);

export interface HealthProbeOptions {
  /** How long each store may take before it counts as DOWN. */
  timeoutMs: number;
  /** How long a report is reused: /health is public, so a flood of calls must not become a flood of reads. */
  cacheMs: number;
  now: () => number;
}

const DEFAULTS: HealthProbeOptions = { timeoutMs: 2_000, cacheMs: 10_000, now: Date.now };

/** GET /health's probe: a GetItem of an absent key on the table, a GetObject of an absent key in the bucket. */
export class AwsHealthProbe implements HealthProbe {
  private readonly options: HealthProbeOptions;
  private cached: { report: Promise<HealthReport>; at: number } | undefined;

  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly s3: S3Client,
    private readonly bucket: string,
    options: Partial<HealthProbeOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  check(): Promise<HealthReport> {
    const now = this.options.now();
    if (!this.cached || now - this.cached.at >= this.options.cacheMs) this.cached = { report: this.probe(), at: now };
    return this.cached.report;
  }

  private async probe(): Promise<HealthReport> {
    const [datastore, documentStore] = await Promise.all([this.datastore(), this.documentStore()]);
    const details: Record<Dependency, { status: HealthStatus }> = { datastore: { status: datastore }, documentStore: { status: documentStore } };
    return { status: datastore === 'UP' && documentStore === 'UP' ? 'UP' : 'DOWN', details };
  }

  private datastore(): Promise<HealthStatus> {
    return this.answers(
      (abortSignal) => this.documents.send(new GetCommand({ TableName: this.table, Key: ABSENT_ITEM }), { abortSignal }),
      () => false,
    );
  }

  private documentStore(): Promise<HealthStatus> {
    return this.answers(
      (abortSignal) => this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: ABSENT_OBJECT }), { abortSignal }),
      (error) => error instanceof Error && BUCKET_ANSWERED.has(error.name),
    );
  }

  /** UP when the request succeeds or fails as an answer would, DOWN otherwise or past the deadline (the request is aborted too). */
  private async answers(request: (signal: AbortSignal) => Promise<unknown>, isAnswer: (error: unknown) => boolean): Promise<HealthStatus> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const late = new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    try {
      await Promise.race([request(signal), late]);
      return 'UP';
    } catch (error) {
      return isAnswer(error) ? 'UP' : 'DOWN';
    }
  }
}
