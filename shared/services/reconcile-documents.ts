import { logger } from '../logger';
import type { Ports } from '../ports';
import type { PdfFolder, StoredFolder } from '../ports/document-store';

/**
 * How long a folder of PDFs is left alone after it was made. Publishing writes the PDFs before the
 * transaction that stores the message (sending a company message, before its item), so a folder
 * without its record is normal while a request runs (at most 30 s behind API Gateway), and stays
 * so when a request died in between. A day is far beyond any request, and keeps an abandoned
 * folder at most two days (one grace, one daily run).
 */
export const GRACE_PERIOD_MS = 86_400_000;

/**
 * Pages of folders reconciled at once. At Belgium's scale (~15 million PDFs, 15,000 pages of up to
 * 1,000 folders, 10 BatchGetItems each) one page after the other would take ~25 minutes, past
 * Lambda's 15; with 4 at a time the listing itself sets the pace (docs/capacity.md).
 */
const PAGES_IN_FLIGHT = 4;

export interface ReconcileReport {
  /** Folders of PDFs looked at. */
  folders: number;
  /** Left alone: made or written within the grace period. */
  recent: number;
  /** Folders whose message or company message is gone (or expired): their PDFs were deleted. */
  orphans: number;
  pdfsDeleted: number;
}

type Deps = Pick<Ports, 'documents' | 'messages' | 'companyMessages' | 'ids' | 'clock'>;

/**
 * Daily: deletes the PDFs whose message or company message no longer exists, or has expired (it is
 * gone for every reader, and TTL removes it days late), so that a PDF never outlives its document
 * by more than a day even when the stream consumer failed to clean up after TTL.
 */
export async function reconcileDocuments(deps: Deps): Promise<ReconcileReport> {
  const now = deps.clock.now();
  const report: ReconcileReport = { folders: 0, recent: 0, orphans: 0, pdfsDeleted: 0 };
  const reconcilePage = async (of: PdfFolder['of'], page: StoredFolder[]) => {
    const settled = page.filter((stored) => !isRecent(deps, stored, now));
    const available = await availableFolders(deps, of, settled, now);
    const orphans = settled.filter(({ folder }) => !available.has(folderKey(folder)));
    const pdfs = orphans.flatMap((stored) => stored.pdfs);
    if (pdfs.length) await deps.documents.delete(pdfs);
    for (const { folder, pdfs: deleted } of orphans) logger.info('PDFs of a gone document deleted', { ...folder, pdfs: deleted.length });
    report.folders += page.length;
    report.recent += page.length - settled.length;
    report.orphans += orphans.length;
    report.pdfsDeleted += pdfs.length;
  };
  for (const of of ['message', 'companyMessage'] as const) {
    // The listing goes one page after the other (each page names the next); the pages' lookups
    // and deletions overlap it, a few at a time.
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    for await (const page of deps.documents.folders(of)) {
      const work: Promise<void> = reconcilePage(of, page)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
      if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
      if (failure) break;
    }
    await Promise.all(inFlight);
    if (failure) throw failure.error;
  }
  return report;
}

/** Made (its id tells when, on the e-Box's clock) or written within the grace period. */
function isRecent(deps: Pick<Deps, 'ids'>, stored: StoredFolder, now: Date): boolean {
  const madeAt = deps.ids.timeOf(stored.folder.id)?.getTime() ?? 0;
  return now.getTime() - Math.max(madeAt, stored.lastWrittenAt.getTime()) < GRACE_PERIOD_MS;
}

const folderKey = (folder: Pick<PdfFolder, 'enterpriseNumber' | 'id'>) => `${folder.enterpriseNumber}/${folder.id}`;

/** The folders whose message (or company message) is still available, by `folderKey`. */
async function availableFolders(deps: Deps, of: PdfFolder['of'], folders: StoredFolder[], now: Date): Promise<Set<string>> {
  if (folders.length === 0) return new Set();
  if (of === 'message') {
    const refs = folders.map(({ folder }) => ({ enterpriseNumber: folder.enterpriseNumber, messageId: folder.id }));
    const found = await deps.messages.stillAvailable(refs, now);
    return new Set(found.map(({ enterpriseNumber, messageId }) => folderKey({ enterpriseNumber, id: messageId })));
  }
  const refs = folders.map(({ folder }) => ({ enterpriseNumber: folder.enterpriseNumber, id: folder.id }));
  return new Set((await deps.companyMessages.stillAvailable(refs, now)).map(folderKey));
}
