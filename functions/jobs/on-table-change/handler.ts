import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { toTableChange, type TableChange } from '../../../shared/adapters/dynamodb/stream-records';
import { container } from '../../../shared/container';
import { logger } from '../../../shared/logger';
import { handleTableChanges } from '../../../shared/services/table-changes';

/**
 * Table stream consumer: new messages → notification jobs; messages and company messages removed
 * by TTL → their PDFs deleted. A failure reports the first failed record, so the stream is
 * retried from there.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const changes = event.Records.map(toTableChange).filter((change): change is TableChange => change !== undefined);
  const failedAt = await handleTableChanges(container(), changes);
  logger.info('table changes handled', { records: event.Records.length, changes: changes.length, failedAt });
  return { batchItemFailures: failedAt ? [{ itemIdentifier: failedAt }] : [] };
};
