import { container } from '../../../shared/container';
import { logger } from '../../../shared/logger';
import { queueExpiryWarnings, type ExpiryWarningReport } from '../../../shared/services/expiry-warnings';

/** Daily (EventBridge Scheduler): one expiry warning per company for documents expiring in the window. */
export const handler = async (): Promise<ExpiryWarningReport> => {
  const report = await queueExpiryWarnings(container());
  logger.info('expiry warnings queued', { ...report });
  return report;
};
