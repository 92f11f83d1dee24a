import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { container } from '../../../shared/container';
import { enterpriseNumberSchema } from '../../../shared/domain/schemas';
import { logger } from '../../../shared/logger';
import { jobHandler } from '../../../shared/observability';
import { sendNotifications, type QueuedJob } from '../../../shared/services/notify';

const jobSchema = z.object({
  kind: z.enum(['NEW_MESSAGES', 'EXPIRY_WARNING']),
  enterpriseNumber: enterpriseNumberSchema,
  messageIds: z.array(z.string().min(1)).min(1),
  // Absent on jobs queued before trace ids were carried.
  traceIds: z.array(z.string()).optional(),
});

/**
 * Notifications queue → SES. Partial batch responses: only failed records come back, and after
 * five receives the queue moves them to its dead-letter queue. Unreadable records fail too, so
 * the dead-letter queue keeps them for inspection.
 */
export const handler = jobHandler(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const queued: QueuedJob[] = [];
  const unreadable: string[] = [];
  for (const record of event.Records) {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      body = undefined;
    }
    const parsed = jobSchema.safeParse(body);
    if (parsed.success) queued.push({ recordId: record.messageId, job: parsed.data });
    else unreadable.push(record.messageId);
  }
  if (unreadable.length) logger.error('unreadable notification jobs', { recordIds: unreadable });
  const failed = [...unreadable, ...(await sendNotifications(container(), queued))];
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
});
