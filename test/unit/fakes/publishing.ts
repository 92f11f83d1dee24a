import { createHash } from 'node:crypto';
import { IdempotencyRaceError, type IdempotencyRecord, type MessagesRepository } from '../../../shared/adapters/dynamodb/messages-repository';
import type { SendersRepository } from '../../../shared/adapters/dynamodb/senders-repository';
import type { Upload, UploadsRepository } from '../../../shared/adapters/dynamodb/uploads-repository';
import type { DocumentStore } from '../../../shared/adapters/s3/document-store';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Delivery, Message } from '../../../shared/domain/message';
import type { Sender } from '../../../shared/domain/sender';

/** One ordered trail of the calls of several fakes, e.g. `documents.put documents/…`, `messages.publish 01J…`. */
export type CallLog = string[];

export class FakeSenders implements Pick<SendersRepository, 'get'> {
  readonly senders = new Map<string, Sender>();

  add(sender: Sender): this {
    this.senders.set(sender.senderId, sender);
    return this;
  }

  async get(senderId: string): Promise<Sender | undefined> {
    const sender = this.senders.get(senderId);
    return sender ? structuredClone(sender) : undefined;
  }

  get port(): SendersRepository {
    return this as unknown as SendersRepository;
  }
}

export interface PublishCall {
  message: Message;
  delivery: Delivery;
  options: { contentHash: string; consumedUploads: string[] };
}

/**
 * The message transaction in memory: the message, the delivery and the idempotency record are
 * written together or not at all; a taken externalId fails like the real conditional put.
 */
export class FakeMessages implements Pick<MessagesRepository, 'publish' | 'getIdempotency' | 'getDelivery'> {
  readonly messages = new Map<string, Message>();
  readonly deliveries = new Map<string, Delivery>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly publishCalls: PublishCall[] = [];
  /** Runs at the start of the next publish (e.g. a concurrent writer), then throws what it returns, if anything. */
  private interference: (() => Error | undefined) | undefined;

  constructor(private readonly log: CallLog = []) {}

  /** The next publish fails with `error` (after `before` ran), as a cancelled transaction would. */
  failNextPublish(error: Error, before?: () => void): void {
    this.interference = () => {
      before?.();
      return error;
    };
  }

  async publish(message: Message, delivery: Delivery, options: { contentHash: string; consumedUploads: string[]; audit: AuditEntry }): Promise<void> {
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
    this.messages.set(message.messageId, structuredClone(message));
    this.deliveries.set(delivery.messageId, structuredClone(delivery));
    if (message.externalId) this.idempotency.set(`${message.senderId}#${message.externalId}`, { messageId: message.messageId, contentHash });
  }

  async getIdempotency(senderId: string, externalId: string): Promise<IdempotencyRecord | undefined> {
    this.log.push(`messages.getIdempotency ${externalId}`);
    const record = this.idempotency.get(`${senderId}#${externalId}`);
    return record ? { ...record } : undefined;
  }

  async getDelivery(messageId: string): Promise<Delivery | undefined> {
    const delivery = this.deliveries.get(messageId);
    return delivery ? structuredClone(delivery) : undefined;
  }

  get port(): MessagesRepository {
    return this as unknown as MessagesRepository;
  }
}

export class FakeUploads implements Pick<UploadsRepository, 'get'> {
  readonly uploads = new Map<string, Upload>();

  add(upload: Upload): this {
    this.uploads.set(upload.uploadId, upload);
    return this;
  }

  async get(uploadId: string): Promise<Upload | undefined> {
    const upload = this.uploads.get(uploadId);
    return upload ? { ...upload } : undefined;
  }

  get port(): UploadsRepository {
    return this as unknown as UploadsRepository;
  }
}

/** The bucket in memory, recording every write and delete in the shared call log. */
export class FakeDocuments implements Pick<DocumentStore, 'put' | 'inspect' | 'copy' | 'delete'> {
  readonly objects = new Map<string, Buffer>();
  readonly puts: Array<{ key: string; bytes: Buffer; sha256: string }> = [];
  readonly copies: Array<{ from: string; to: string }> = [];
  readonly deletes: string[][] = [];
  /** 1-based numbers of the put/copy calls that fail (S3 500 or throttling) without storing anything. */
  readonly failingWrites = new Set<number>();
  /** Runs just before a copy: lets a test replace an upload after it was checked. */
  beforeCopy?: () => void;
  private writes = 0;

  constructor(private readonly log: CallLog = []) {}

  private maybeFail(key: string): void {
    this.writes += 1;
    if (this.failingWrites.has(this.writes)) throw Object.assign(new Error(`We encountered an internal error writing ${key}. Please try again.`), { name: 'InternalError' });
  }

  async put(key: string, bytes: Buffer, sha256Hex: string): Promise<void> {
    this.log.push(`documents.put ${key}`);
    this.maybeFail(key);
    this.puts.push({ key, bytes: Buffer.from(bytes), sha256: sha256Hex });
    this.objects.set(key, Buffer.from(bytes));
  }

  /** S3's ETag of a single-part object: the MD5 of its bytes, quoted. */
  private static etagOf(bytes: Buffer): string {
    return `"${createHash('md5').update(bytes).digest('hex')}"`;
  }

  async inspect(key: string): Promise<{ size: number; sha256: string; head: Buffer; etag?: string } | undefined> {
    const bytes = this.objects.get(key);
    if (!bytes) return undefined;
    return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), head: bytes.subarray(0, 8), etag: FakeDocuments.etagOf(bytes) };
  }

  async copy(from: string, to: string, etag?: string): Promise<void> {
    this.beforeCopy?.();
    this.log.push(`documents.copy ${from} ${to}`);
    this.copies.push({ from, to });
    this.maybeFail(to);
    const bytes = this.objects.get(from);
    if (!bytes) throw Object.assign(new Error(`no object ${from}`), { name: 'NoSuchKey' });
    if (etag && FakeDocuments.etagOf(bytes) !== etag) throw Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), { name: 'PreconditionFailed' });
    this.objects.set(to, Buffer.from(bytes));
  }

  async delete(keys: string[]): Promise<void> {
    this.log.push(`documents.delete ${keys.join(' ')}`);
    this.deletes.push([...keys]);
    for (const key of keys) this.objects.delete(key);
  }

  get port(): DocumentStore {
    return this as unknown as DocumentStore;
  }
}

