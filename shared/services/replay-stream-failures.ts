import { MalformedItemError } from '../domain/errors';
import { logger } from '../logger';
import type { StreamFailures } from '../ports/stream-failures';
import { handleTableChanges } from './table-changes';

export interface ReplayReport {
  /** Failed batches found. */
  batches: number;
  /** Handled in full, then forgotten. */
  replayed: number;
  /** Still failing, or unreadable: kept for the next replay. */
  failed: number;
}

/**
 * Runs the batches the stream consumer gave up on through the very work it does
 * (handleTableChanges), which is safe to repeat: deleting PDFs already gone succeeds, a message's
 * removal is recorded once (its tombstone), and a notification job for a message already emailed
 * sends nothing (its claim). A batch is forgotten only once every one of its changes was handled.
 */
export async function replayStreamFailures(deps: Parameters<typeof handleTableChanges>[0], failures: StreamFailures): Promise<ReplayReport> {
  const report: ReplayReport = { batches: 0, replayed: 0, failed: 0 };
  for await (const batch of failures.ids()) {
    report.batches += 1;
    let changes: Awaited<ReturnType<StreamFailures['changes']>>;
    try {
      changes = await failures.changes(batch);
    } catch (error) {
      if (!(error instanceof MalformedItemError)) throw error;
      logger.error('unreadable failed stream batch: kept', { error, batch });
      report.failed += 1;
      continue;
    }
    const failedAt = await handleTableChanges(deps, changes);
    if (failedAt !== undefined) {
      logger.error('failed stream batch failed again: kept', { batch, sequenceNumber: failedAt });
      report.failed += 1;
      continue;
    }
    await failures.remove(batch);
    logger.info('failed stream batch replayed', { batch, changes: changes.length });
    report.replayed += 1;
  }
  return report;
}
