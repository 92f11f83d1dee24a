import { logger } from '../../../shared/logger';

/** Daily expiry-warning run (issue "Expiry, deletion and notifications" gives it its work). */
export const handler = async (): Promise<{ queued: number }> => {
  logger.info('expiry warnings run');
  return { queued: 0 };
};
