import { MalformedItemError } from '../../../shared/domain/errors';
import type { StreamFailures } from '../../../shared/ports/stream-failures';
import type { TableChange } from '../../../shared/ports/table-changes';

/** The kept failed batches in memory; an unreadable one is kept as the problem reading it reports. */
export class FakeStreamFailures implements StreamFailures {
  readonly batches = new Map<string, TableChange[] | string>();
  readonly removed: string[] = [];
  /** When set, reading any batch fails with it (the store itself failing). */
  failure: Error | undefined;

  keep(id: string, changes: TableChange[]): this {
    this.batches.set(id, structuredClone(changes));
    return this;
  }

  keepUnreadable(id: string, problem: string): this {
    this.batches.set(id, problem);
    return this;
  }

  async *ids(): AsyncIterable<string> {
    for (const id of [...this.batches.keys()].sort()) yield id;
  }

  async changes(id: string): Promise<TableChange[]> {
    if (this.failure) throw this.failure;
    const batch = this.batches.get(id);
    if (batch === undefined) throw new Error(`no batch ${id}`);
    if (typeof batch === 'string') throw new MalformedItemError(id, [batch]);
    return structuredClone(batch);
  }

  async remove(id: string): Promise<void> {
    this.batches.delete(id);
    this.removed.push(id);
  }
}
