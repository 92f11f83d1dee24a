import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../shared/adapters/dynamodb/table-schema';
import type { BucketArea } from '../../shared/http/route-contract';
import { UPLOADS_PREFIX } from '../definitions';
import { PRIVATE_BUCKET } from './private-bucket';

/** Where live PDFs are: a message's, and a company message's (object-keys.ts makes the keys). */
const LIVE_AREAS: readonly BucketArea[] = ['documents', 'company-messages'];

/**
 * Age at which the lifecycle rule deletes a PDF that the normal path (TTL, then the stream
 * consumer) missed. No PDF is live longer than 3650 days: the most a document type's `validityDays`
 * (functions/admin/put-sender/schema.ts) or `companyMessageValidityDays` (settings.ts) allows, a
 * reply expiring with the message it answers; a PDF is written after its expiry is fixed, never
 * before. The 30 days absorb clock skew and leave the normal path well ahead of the net.
 */
const SAFETY_NET_DAYS = 3650 + 30;

export interface DataProps {
  /** DynamoDB deletion protection (prod): the table cannot be deleted, by CloudFormation or by hand. */
  deletionProtection: boolean;
  /** Where the documents bucket's server access logs go (AccessLogsBucket). */
  accessLogs: IBucket;
}

/** The stateful part: the single table and the documents bucket, both kept when the stack goes. */
export class Data extends Construct {
  readonly table: Table;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_SCHEMA.ttlAttribute,
      // The stream's REMOVE records (TTL deletions) drive deletion of the PDFs.
      stream: StreamViewType[TABLE_SCHEMA.stream],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: props.deletionProtection,
    });
    for (const [indexName, index] of Object.entries(TABLE_SCHEMA.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType[index.projection],
      });
    }

    this.bucket = new Bucket(this, 'Documents', {
      // Unversioned on purpose: deleting an expired document must remove its bytes, not hide them
      // behind a delete marker.
      ...PRIVATE_BUCKET,
      lifecycleRules: [
        { id: 'unattached-uploads', prefix: UPLOADS_PREFIX, expiration: Duration.days(1) },
        { id: 'incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        ...LIVE_AREAS.map((area) => ({ id: `${area}-safety-net`, prefix: `${area}/`, expiration: Duration.days(SAFETY_NET_DAYS) })),
      ],
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'documents-bucket/',
    });
  }
}
