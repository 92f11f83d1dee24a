import { keys } from '../../../shared/adapters/dynamodb/keys';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Message } from '../../../shared/domain/message';
import type { NotificationJob, NotificationKind } from '../../../shared/domain/notification';
import type { AuditPage, AuditRepository } from '../../../shared/ports/audit-repository';
import type { Mailer, OutgoingEmail } from '../../../shared/ports/mailer';
import type { NotificationQueue } from '../../../shared/ports/notification-queue';
import type { ExpiringEntry, ExpiringOnDay, NotificationsRepository } from '../../../shared/ports/notifications-repository';
import { pageOf } from './pages';

/** One Query of an expiry partition, as the real repository makes them. */
export interface ExpiringQuery {
  partition: string;
  from: string;
  to: string;
  /** The sort key the page starts after. */
  after?: string;
}

export interface Claim {
  status: 'CLAIMED' | 'SENT';
  /** When it was claimed; absent for a claim that never goes stale (held elsewhere). */
  claimedAt?: string;
  sentAt?: string;
  emailId?: string;
}

/** As the real repository: an unconfirmed claim older than this may be taken again. */
export const CLAIM_LEASE_MS = 5 * 60_000;

const sortKeyOf = (entry: ExpiringEntry) => keys.expiry(entry.expiresAt.slice(0, 10), entry.messageId, entry.expiresAt, entry.enterpriseNumber);

/**
 * The jobs' view of the table in memory: the sparse expiry index (a day's shards from the real key
 * helper, range reads with BETWEEN semantics on the sort key, optional paging), the per-message
 * "notified" claims, the company copies of messages and the removals recorded.
 */
export class FakeNotifications implements NotificationsRepository {
  readonly stored = new Map<string, Message>();
  readonly index = new Map<string, Map<string, ExpiringEntry>>();
  readonly claims = new Map<string, Claim>();
  readonly queries: ExpiringQuery[] = [];
  readonly warned = new Map<string, string>();
  readonly released: Array<{ messageIds: string[]; kind: NotificationKind }> = [];
  readonly confirmed: Array<{ messageIds: string[]; kind: NotificationKind; sentAt: string; emailId?: string }> = [];
  /** Audit entries written with the confirmations, per company. */
  readonly audited: Array<{ enterpriseNumber: string; entry: AuditEntry }> = [];
  /** Removals recorded, once per message however often the stream retries. */
  readonly removals = new Map<string, { message: Message; countedUnread: boolean; removedAt: string; audit: AuditEntry[] }>();
  /** Messages whose next claim(s) fail with a DynamoDB error (count of failures left). */
  readonly claimFailures = new Map<string, number>();
  /** Entries per page of an expiry partition; pages are cut like a Query's Limit. */
  pageSize = Number.POSITIVE_INFINITY;
  capacityPerQuery = 0.5;

  addMessage(message: Message): void {
    this.stored.set(`${message.enterpriseNumber}#${message.messageId}`, structuredClone(message));
  }

  /** Puts a document in the expiry index, where the message repository would. */
  addExpiring(entry: ExpiringEntry): void {
    const key = sortKeyOf(entry);
    const partition = this.index.get(key.expiryPk) ?? new Map<string, ExpiringEntry>();
    partition.set(key.expirySk, { ...entry });
    this.index.set(key.expiryPk, partition);
  }

  /** Whether a document is still in the expiry index. */
  isIndexed(entry: ExpiringEntry): boolean {
    const key = sortKeyOf(entry);
    return this.index.get(key.expiryPk)?.has(key.expirySk) ?? false;
  }

  /** Another notifier already claimed (or sent) this message for this kind. */
  claimElsewhere(messageId: string, kind: NotificationKind, status: Claim['status'] = 'CLAIMED', claimedAt?: string): void {
    this.claims.set(`${messageId}#${kind}`, { status, ...(claimedAt !== undefined ? { claimedAt } : {}) });
  }

  async expiringOn(day: string, from: Date, to: Date): Promise<ExpiringOnDay> {
    const found: ExpiringOnDay = { entries: [], queries: 0, capacityUnits: 0 };
    const [low, high] = [from.toISOString(), `${to.toISOString()}\uffff`];
    for (const partition of keys.expiryPartitions(day)) {
      let after: string | undefined;
      do {
        this.queries.push({ partition, from: low, to: high, ...(after !== undefined ? { after } : {}) });
        const start = after;
        const matching = [...(this.index.get(partition) ?? new Map<string, ExpiringEntry>()).entries()]
          .filter(([sk]) => sk >= low && sk <= high && (start === undefined || sk > start))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        const page = matching.slice(0, this.pageSize);
        found.queries += 1;
        found.capacityUnits += this.capacityPerQuery;
        found.entries.push(...page.map(([, entry]) => ({ ...entry })));
        after = matching.length > page.length ? page[page.length - 1]?.[0] : undefined;
      } while (after !== undefined);
    }
    return found;
  }

  async markWarned(entry: ExpiringEntry, at: string): Promise<boolean> {
    const key = sortKeyOf(entry);
    const partition = this.index.get(key.expiryPk);
    if (!partition?.delete(key.expirySk)) return false;
    this.warned.set(entry.messageId, at);
    return true;
  }

  /** Like the conditional put: free, or CLAIMED and older than the lease; otherwise false. */
  async claim(messageId: string, kind: NotificationKind, now: Date): Promise<boolean> {
    const failures = this.claimFailures.get(messageId) ?? 0;
    if (failures > 0) {
      this.claimFailures.set(messageId, failures - 1);
      throw Object.assign(new Error('The level of configured provisioned throughput for the table was exceeded.'), {
        name: 'ProvisionedThroughputExceededException',
      });
    }
    const key = `${messageId}#${kind}`;
    const existing = this.claims.get(key);
    const stale = existing?.status === 'CLAIMED' && existing.claimedAt !== undefined && Date.parse(existing.claimedAt) < now.getTime() - CLAIM_LEASE_MS;
    if (existing && !stale) return false;
    this.claims.set(key, { status: 'CLAIMED', claimedAt: now.toISOString() });
    return true;
  }

  async confirm(
    enterpriseNumber: string,
    claims: ReadonlyArray<{ messageId: string; audit?: AuditEntry }>,
    kind: NotificationKind,
    sentAt: string,
    emailId?: string,
  ): Promise<void> {
    const messageIds = claims.map((claim) => claim.messageId);
    for (const { audit } of claims) if (audit) this.audited.push({ enterpriseNumber, entry: audit });
    this.confirmed.push({ messageIds: [...messageIds], kind, sentAt, ...(emailId !== undefined ? { emailId } : {}) });
    for (const messageId of messageIds) {
      const key = `${messageId}#${kind}`;
      this.claims.set(key, { ...this.claims.get(key), status: 'SENT', sentAt, ...(emailId !== undefined ? { emailId } : {}) });
    }
  }

  async release(messageIds: string[], kind: NotificationKind): Promise<void> {
    this.released.push({ messageIds: [...messageIds], kind });
    for (const messageId of messageIds) this.claims.delete(`${messageId}#${kind}`);
  }

  async messages(enterpriseNumber: string, messageIds: string[]): Promise<Message[]> {
    return messageIds.flatMap((messageId) => {
      const message = this.stored.get(`${enterpriseNumber}#${messageId}`);
      return message ? [structuredClone(message)] : [];
    });
  }

  async recordRemoval(message: Message, countedUnread: boolean, removedAt: string, audit: AuditEntry[]): Promise<void> {
    if (this.removals.has(message.messageId)) return;
    this.removals.set(message.messageId, structuredClone({ message, countedUnread, removedAt, audit }));
  }
}

/** SES in memory; `failWhen` makes a send throw, as a throttled or refused send would. */
export class FakeMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  failWhen: (email: OutgoingEmail) => boolean = () => false;
  private counter = 0;

  async send(email: OutgoingEmail): Promise<string | undefined> {
    if (this.failWhen(email)) throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });
    this.sent.push({ ...email });
    this.counter += 1;
    return `email-${this.counter}`;
  }
}

export class FakeAudit implements AuditRepository {
  readonly entries: Array<{ enterpriseNumber: string; entry: AuditEntry }> = [];

  async append(enterpriseNumber: string, entry: AuditEntry): Promise<void> {
    this.entries.push({ enterpriseNumber, entry: structuredClone(entry) });
  }

  /** Newest first: the latest appended first, as the trail's time-ordered ids sort. */
  async page(enterpriseNumber: string, limit: number, cursor?: string): Promise<AuditPage> {
    const trail = this.entries
      .filter((recorded) => recorded.enterpriseNumber === enterpriseNumber)
      .map((recorded) => structuredClone(recorded.entry))
      .reverse();
    const page = pageOf(trail, limit, cursor);
    return { entries: page.items, ...(page.next ? { next: page.next } : {}) };
  }
}

/** The notifications queue; `onSend` runs after the jobs were accepted (e.g. a concurrent run's work). */
export class FakeQueue implements NotificationQueue {
  readonly batches: NotificationJob[][] = [];
  onSend: (jobs: NotificationJob[]) => void = () => undefined;
  failure: Error | undefined;

  async send(jobs: NotificationJob[]): Promise<void> {
    if (this.failure) throw this.failure;
    this.batches.push(structuredClone(jobs));
    this.onSend(jobs);
  }

  get jobs(): NotificationJob[] {
    return this.batches.flat();
  }
}
