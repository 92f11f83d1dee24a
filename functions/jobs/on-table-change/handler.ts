import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../../shared/logger';

/** Table stream consumer (issue "Expiry, deletion and notifications" gives it its work). */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  logger.info('table changes received', { records: event.Records.length });
  return { batchItemFailures: [] };
};
