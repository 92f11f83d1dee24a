import { container } from '../../../shared/container';
import { logger } from '../../../shared/logger';
import { jobHandler } from '../../../shared/observability';
import { reconcileDocuments, type ReconcileReport } from '../../../shared/services/reconcile-documents';

/** Daily (EventBridge Scheduler): deletes the PDFs of documents that are gone, whatever the stream consumer did. */
export const handler = jobHandler(async (): Promise<ReconcileReport> => {
  const report = await reconcileDocuments(container());
  logger.info('documents reconciled', { ...report });
  return report;
});
