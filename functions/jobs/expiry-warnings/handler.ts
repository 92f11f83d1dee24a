import { randomUUID } from 'node:crypto';
import { container } from '../../../shared/container';
import { logger } from '../../../shared/logger';
import { jobHandler } from '../../../shared/observability';
import { queueExpiryWarnings, type ExpiryWarningReport } from '../../../shared/services/expiry-warnings';

/**
 * Daily (EventBridge Scheduler): one expiry warning per company for documents expiring in the
 * window. Each run has its own BelGov-Trace-Id, carried by the warnings it queues to the notifier's logs.
 */
export const handler = jobHandler(async (): Promise<ExpiryWarningReport> => {
  const traceId = randomUUID();
  const report = await queueExpiryWarnings(container(), traceId);
  logger.info('expiry warnings queued', { ...report, traceId });
  return report;
});
