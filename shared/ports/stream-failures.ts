import type { TableChange } from './table-changes';

/**
 * The batches of table changes the stream consumer gave up on after its retries, kept whole so
 * that they can be replayed once the cause is fixed (the stream itself forgets them in 24 hours).
 */
export interface StreamFailures {
  /** The kept batches, oldest first within each stream shard. */
  ids(): AsyncIterable<string>;
  /** A batch's changes, in stream order; MalformedItemError when the batch or one of its records cannot be read. */
  changes(id: string): Promise<TableChange[]>;
  /** Forgets a batch, once its changes were handled. */
  remove(id: string): Promise<void>;
}
