import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../../../shared/logger';

/** Notifications queue consumer (issue "Expiry, deletion and notifications" gives it its work). */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  logger.info('notifications received', { records: event.Records.length });
  return { batchItemFailures: [] };
};
