import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { toMessageChange, type MessageChange } from '../../../shared/adapters/dynamodb/stream-records';
import { container } from '../../../shared/container';
import { logger } from '../../../shared/logger';
import { handleMessageChanges } from '../../../shared/services/table-changes';

/**
 * Table stream consumer: new messages → notification jobs; messages removed by TTL → their PDFs
 * deleted. A failure reports the first failed record, so the stream is retried from there.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const changes = event.Records.map(toMessageChange).filter((change): change is MessageChange => change !== undefined);
  const failedAt = await handleMessageChanges(container(), changes);
  logger.info('table changes handled', { records: event.Records.length, messageChanges: changes.length, failedAt });
  return { batchItemFailures: failedAt ? [{ itemIdentifier: failedAt }] : [] };
};
