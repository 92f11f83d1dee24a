import type { Grant } from '../../../shared/domain/access';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { EnterpriseNumber } from '../../../shared/domain/enterprise-number';
import { IdempotencyRaceError } from '../../../shared/domain/errors';
import { isExpired, type Delivery, type Message } from '../../../shared/domain/message';
import type {
  DeliveriesPage,
  ExpiredUnread,
  IdempotencyRecord,
  InboxFilter,
  InboxPage,
  MessagesRepository,
  PublishOptions,
  UnreadEntry,
} from '../../../shared/ports/messages-repository';
import { pageOf } from './pages';
import type { CallLog } from './publishing';

/** A company's copy of a message, with plausible defaults. */
export function aMessage(overrides: Partial<Message> & Pick<Message, 'messageId' | 'enterpriseNumber'> & { enterpriseNumber: EnterpriseNumber }): Message {
  return {
    senderId: 'spf-finances',
    senderName: { fr: 'SPF Finances', nl: 'FOD Financiën', de: 'FÖD Finanzen', en: 'FPS Finance' },
    documentType: { code: 'TAX_NOTICE', name: { fr: 'Avertissement-extrait de rôle', nl: 'Aanslagbiljet' } },
    subject: { fr: 'Votre avertissement-extrait de rôle', nl: 'Uw aanslagbiljet' },
    registered: false,
    replyable: false,
    publishedAt: '2026-03-01T09:00:00.000Z',
    expiresAt: '2026-06-01T09:00:00.000Z',
    read: false,
    attachments: [],
    ...overrides,
  };
}

export interface PublishCall {
  message: Message;
  delivery: Delivery;
  options: PublishOptions;
}

const newestFirst = (a: { messageId: string }, b: { messageId: string }) => b.messageId.localeCompare(a.messageId);

const inFilter = (message: Message, filter: InboxFilter) =>
  (filter.read === undefined || message.read === filter.read) &&
  (filter.senderId === undefined || message.senderId === filter.senderId) &&
  (filter.documentType === undefined || message.documentType.code === filter.documentType) &&
  (filter.registered === undefined || message.registered === filter.registered) &&
  (filter.publishedAfter === undefined || Date.parse(message.publishedAt) > filter.publishedAfter.getTime()) &&
  (filter.publishedBefore === undefined || Date.parse(message.publishedAt) < filter.publishedBefore.getTime());

/**
 * The messages in memory. Publishing writes the message, the delivery and the idempotency record
 * together or not at all; a taken externalId fails like the real conditional put.
 */
export class FakeMessages implements MessagesRepository {
  readonly messages = new Map<string, Message>();
  readonly deliveries = new Map<string, Delivery>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly publishCalls: PublishCall[] = [];
  /** How many messages each availability check asked about. */
  readonly availabilityChecks: number[] = [];
  /** Expired unread messages taken out of the unread count. */
  readonly uncounted = new Set<string>();
  /** Audit entries written with read marks. */
  readonly audit: AuditEntry[] = [];
  /** Runs at the start of the next publish (e.g. a concurrent writer), then throws what it returns, if anything. */
  private interference: (() => Error | undefined) | undefined;

  constructor(
    private readonly log: CallLog = [],
    /** The grants getMessageAndGrant reads (the enterprises fake's): none without them. */
    private readonly grants: ReadonlyMap<string, Grant> = new Map(),
  ) {}

  /** The next publish fails with `error` (after `before` ran), as a cancelled transaction would. */
  failNextPublish(error: Error, before?: () => void): void {
    this.interference = () => {
      before?.();
      return error;
    };
  }

  /** A message already in its company's inbox. */
  addMessage(message: Message): this {
    this.messages.set(message.messageId, structuredClone(message));
    return this;
  }

  async publish(message: Message, delivery: Delivery, options: PublishOptions): Promise<void> {
    this.log.push(`messages.publish ${message.messageId}`);
    this.publishCalls.push(structuredClone({ message, delivery, options }));
    const interference = this.interference;
    this.interference = undefined;
    const failure = interference?.();
    if (failure) throw failure;
    if (message.externalId && this.idempotency.has(`${message.senderId}#${message.externalId}`)) throw new IdempotencyRaceError('externalId already used');
    this.store(message, delivery, options.contentHash);
  }

  /** Writes what a committed publish writes (also used to play a concurrent request). */
  store(message: Message, delivery: Delivery, contentHash: string): void {
    this.addMessage(message);
    this.deliveries.set(delivery.messageId, structuredClone(delivery));
    if (message.externalId) this.idempotency.set(`${message.senderId}#${message.externalId}`, { messageId: message.messageId, contentHash });
  }

  async getIdempotency(senderId: string, externalId: string): Promise<IdempotencyRecord | undefined> {
    this.log.push(`messages.getIdempotency ${externalId}`);
    const record = this.idempotency.get(`${senderId}#${externalId}`);
    return record ? { ...record } : undefined;
  }

  async getMessage(enterpriseNumber: string, messageId: string): Promise<Message | undefined> {
    const message = this.messages.get(messageId);
    return message?.enterpriseNumber === enterpriseNumber ? structuredClone(message) : undefined;
  }

  async getMessageAndGrant(enterpriseNumber: string, messageId: string, ssin: string): Promise<{ message?: Message; grant?: Grant }> {
    this.log.push(`messages.getMessageAndGrant ${messageId}`);
    const message = await this.getMessage(enterpriseNumber, messageId);
    const grant = this.grants.get(`${enterpriseNumber}#${ssin}`);
    return { ...(message ? { message } : {}), ...(grant ? { grant: structuredClone(grant) } : {}) };
  }

  async getDelivery(messageId: string): Promise<Delivery | undefined> {
    const delivery = this.deliveries.get(messageId);
    return delivery ? structuredClone(delivery) : undefined;
  }

  async inboxPage(enterpriseNumber: string, now: Date, filter: InboxFilter, limit: number, cursor?: string): Promise<InboxPage> {
    const inbox = [...this.messages.values()].filter(
      (message) => message.enterpriseNumber === enterpriseNumber && !isExpired(message.expiresAt, now) && inFilter(message, filter),
    );
    const page = pageOf(inbox.sort(newestFirst), limit, cursor);
    return { messages: page.items.map((message) => structuredClone(message)), ...(page.next ? { next: page.next } : {}) };
  }

  async stillAvailable(
    messages: ReadonlyArray<{ enterpriseNumber: string; messageId: string }>,
    now: Date,
  ): Promise<Array<{ enterpriseNumber: string; messageId: string }>> {
    this.availabilityChecks.push(messages.length);
    return messages.filter(({ enterpriseNumber, messageId }) => {
      const stored = this.messages.get(messageId);
      return stored?.enterpriseNumber === enterpriseNumber && !isExpired(stored.expiresAt, now);
    });
  }

  async expiredStillCounted(enterpriseNumber: string, now: Date): Promise<ExpiredUnread> {
    this.log.push(`messages.expiredStillCounted ${enterpriseNumber}`);
    const counted = [...this.messages.values()]
      .filter((message) => message.enterpriseNumber === enterpriseNumber && !message.read && !this.uncounted.has(message.messageId))
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
    const expired = counted.filter((message) => isExpired(message.expiresAt, now));
    const following = counted[expired.length];
    return {
      total: expired.length,
      first: expired.slice(0, 99).map(({ messageId, expiresAt }) => ({ messageId, expiresAt })),
      next: { known: true, ...(following ? { expiresAt: following.expiresAt } : {}) },
    };
  }

  async uncountExpired(_enterpriseNumber: string, entries: UnreadEntry[]): Promise<boolean> {
    for (const { messageId } of entries) this.uncounted.add(messageId);
    return true;
  }

  async deliveriesPage(senderId: string, limit: number, cursor?: string): Promise<DeliveriesPage> {
    const sent = [...this.deliveries.values()].filter((delivery) => delivery.senderId === senderId);
    const page = pageOf(sent.sort(newestFirst), limit, cursor);
    return { deliveries: page.items.map((delivery) => structuredClone(delivery)), ...(page.next ? { next: page.next } : {}) };
  }

  async setRead(message: Message, read: boolean, at: string, audit: AuditEntry): Promise<boolean> {
    const stored = this.messages.get(message.messageId);
    if (!stored || stored.read === read) return false;
    const { readAt: _previous, ...rest } = stored;
    this.messages.set(message.messageId, read ? { ...rest, read, readAt: at } : { ...rest, read });
    this.audit.push(structuredClone(audit));
    return true;
  }

  async recordRead(message: Message, at: string, audit: AuditEntry): Promise<Message | undefined> {
    const stored = this.messages.get(message.messageId);
    if (!stored) return undefined;
    const read: Message = { ...stored, read: true, readAt: stored.read ? stored.readAt : at, firstReadAt: stored.firstReadAt ?? at };
    this.messages.set(message.messageId, read);
    const delivery = this.deliveries.get(message.messageId);
    if (delivery) this.deliveries.set(message.messageId, { ...delivery, firstReadAt: delivery.firstReadAt ?? at });
    this.audit.push(structuredClone(audit));
    return structuredClone(read);
  }
}
