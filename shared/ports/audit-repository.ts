import type { AuditEntry } from '../domain/audit';

export type AuditPage = { entries: AuditEntry[]; next?: string };

/** Each company's append-only audit trail (most entries are written by the action they record). */
export interface AuditRepository {
  append(enterpriseNumber: string, entry: AuditEntry): Promise<void>;
  /** Newest first; `next` is an opaque cursor, present only when more follow. */
  page(enterpriseNumber: string, limit: number, cursor?: string): Promise<AuditPage>;
}
