import { container } from '../../../shared/container';
import { logger } from '../../../shared/logger';
import { jobHandler } from '../../../shared/observability';
import { replayStreamFailures, type ReplayReport } from '../../../shared/services/replay-stream-failures';

/**
 * On demand (ops, `aws lambda invoke`): replays the table-stream batches the stream consumer gave
 * up on, kept by its event source mapping's S3 on-failure destination.
 */
export const handler = jobHandler(async (): Promise<ReplayReport> => {
  const deps = container();
  if (!deps.streamFailures) throw new Error('STREAM_FAILURES_BUCKET is not set: this function has no failed batches to replay');
  const report = await replayStreamFailures(deps, deps.streamFailures);
  logger.info('failed stream batches replayed', { ...report });
  return report;
});
