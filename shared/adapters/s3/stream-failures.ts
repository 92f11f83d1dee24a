import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { StreamFailures } from '../../ports/stream-failures';
import type { TableChange } from '../../ports/table-changes';
import type { StreamRecordImage } from '../dynamodb/stream-records';
import { parseStreamFailure } from './stream-failure-record';

/** Lambda names each failure record `aws/lambda/<mapping id>/<shard id>/YYYY/MM/DD/<time>-<uuid>`. */
export const STREAM_FAILURES_PREFIX = 'aws/lambda/';

/** The stream consumer's failed batches, one object each, as the event source mapping's S3 on-failure destination writes them. */
export class S3StreamFailures implements StreamFailures {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    /** The stream consumer's own reading of a record, so that a replay does exactly what it would have done. */
    private readonly toTableChange: (record: StreamRecordImage) => TableChange | undefined,
  ) {}

  async *ids(): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: STREAM_FAILURES_PREFIX, ContinuationToken: token }));
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async changes(id: string): Promise<TableChange[]> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: id }));
    const records = parseStreamFailure(id, (await object.Body?.transformToString('utf8')) ?? '');
    return records.flatMap((record) => {
      const change = this.toTableChange(record);
      return change ? [change] : [];
    });
  }

  async remove(id: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: id }));
  }
}
