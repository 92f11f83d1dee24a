import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { container } from '../../../shared/container';
import { MalformedItemError } from '../../../shared/domain/errors';
import { logger } from '../../../shared/logger';
import { jobHandler } from '../../../shared/observability';
import type { TableChange } from '../../../shared/ports/table-changes';
import { handleTableChanges } from '../../../shared/services/table-changes';

/**
 * Table stream consumer: new messages → notification jobs; messages and company messages removed
 * by TTL → their PDFs deleted. A failure reports the first failed record, so the stream is
 * retried from there. An unreadable record counts as failed: retrying will not mend it, but the
 * event source mapping then keeps its batch in the failures bucket (jobs/replay-stream-failures)
 * instead of losing the clean-up it asks for.
 */
export const handler = jobHandler(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const deps = container();
  const changes: TableChange[] = [];
  let unreadableAt: string | undefined;
  for (const record of event.Records) {
    try {
      const change = deps.toTableChange(record);
      if (change) changes.push(change);
    } catch (error) {
      if (!(error instanceof MalformedItemError)) throw error;
      unreadableAt = record.dynamodb?.SequenceNumber;
      logger.error('unreadable stream record: it and the records after it are retried', { error, sequenceNumber: unreadableAt });
      break;
    }
  }
  const failedAt = (await handleTableChanges(deps, changes)) ?? unreadableAt;
  logger.info('table changes handled', { records: event.Records.length, changes: changes.length, failedAt });
  return { batchItemFailures: failedAt ? [{ itemIdentifier: failedAt }] : [] };
});
