import { createHash } from 'node:crypto';
import { folderPdfOfKey, objectKeyOf } from '../../../shared/adapters/s3/object-keys';
import { UploadUnavailableError } from '../../../shared/domain/errors';
import type { Sender } from '../../../shared/domain/sender';
import type { Upload } from '../../../shared/domain/upload';
import type { DocumentStore, DownloadLink, Pdf, PdfFolder, StoredFolder, StoredPdfInfo, UploadPdf } from '../../../shared/ports/document-store';
import type { SendersRepository } from '../../../shared/ports/senders-repository';
import type { UploadsRepository } from '../../../shared/ports/uploads-repository';

/** One ordered trail of the calls of several fakes, e.g. `documents.put documents/…`, `messages.publish 01J…`. */
export type CallLog = string[];

export class FakeSenders implements SendersRepository {
  readonly senders = new Map<string, Sender>();

  add(sender: Sender): this {
    this.senders.set(sender.senderId, sender);
    return this;
  }

  async put(sender: Sender): Promise<void> {
    this.add(structuredClone(sender));
  }

  async get(senderId: string): Promise<Sender | undefined> {
    const sender = this.senders.get(senderId);
    return sender ? structuredClone(sender) : undefined;
  }

  async list(): Promise<Sender[]> {
    return [...this.senders.values()].map((sender) => structuredClone(sender));
  }
}

export class FakeUploads implements UploadsRepository {
  readonly uploads = new Map<string, Upload>();

  add(upload: Upload): this {
    this.uploads.set(upload.uploadId, upload);
    return this;
  }

  async put(upload: Upload): Promise<void> {
    this.add({ ...upload });
  }

  async get(uploadId: string): Promise<Upload | undefined> {
    const upload = this.uploads.get(uploadId);
    return upload ? { ...upload } : undefined;
  }
}

/**
 * The bucket in memory, by the real object keys (so tests see the layout), recording every write
 * and delete in the shared call log, and when each object was written (on `now`).
 */
export class FakeDocuments implements DocumentStore {
  readonly objects = new Map<string, Buffer>();
  readonly writtenAt = new Map<string, Date>();
  /** The store's own clock, for the objects' write times. */
  now: () => Date = () => new Date();
  /** Folders per page of `folders`, to see a listing go over several pages. */
  folderPageSize = 1000;
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
    if (this.failingWrites.has(this.writes))
      throw Object.assign(new Error(`We encountered an internal error writing ${key}. Please try again.`), { name: 'InternalError' });
  }

  /** S3's ETag of a single-part object, the version the real store reports: the MD5 of its bytes, quoted. */
  private static versionOf(bytes: Buffer): string {
    return `"${createHash('md5').update(bytes).digest('hex')}"`;
  }

  async put(pdf: Pdf, bytes: Buffer, sha256Hex: string): Promise<void> {
    const key = objectKeyOf(pdf);
    this.log.push(`documents.put ${key}`);
    this.maybeFail(key);
    this.puts.push({ key, bytes: Buffer.from(bytes), sha256: sha256Hex });
    this.objects.set(key, Buffer.from(bytes));
    this.writtenAt.set(key, this.now());
  }

  async inspect(pdf: Pdf): Promise<StoredPdfInfo | undefined> {
    const bytes = this.objects.get(objectKeyOf(pdf));
    if (!bytes) return undefined;
    return {
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      head: bytes.subarray(0, 8),
      version: FakeDocuments.versionOf(bytes),
    };
  }

  async copy(from: UploadPdf, to: Pdf, version?: string): Promise<void> {
    const [source, target] = [objectKeyOf(from), objectKeyOf(to)];
    this.beforeCopy?.();
    this.log.push(`documents.copy ${source} ${target}`);
    this.copies.push({ from: source, to: target });
    this.maybeFail(target);
    const bytes = this.objects.get(source);
    if (!bytes || (version && FakeDocuments.versionOf(bytes) !== version)) throw new UploadUnavailableError(`upload ${from.uploadId} is gone or was replaced`);
    this.objects.set(target, Buffer.from(bytes));
    this.writtenAt.set(target, this.now());
  }

  async delete(pdfs: Pdf[]): Promise<void> {
    const keys = pdfs.map(objectKeyOf);
    this.log.push(`documents.delete ${keys.join(' ')}`);
    this.deletes.push(keys);
    for (const key of keys) {
      this.objects.delete(key);
      this.writtenAt.delete(key);
    }
  }

  /** Whole folders in key order, like the listing of the real store. */
  async *folders(of: PdfFolder['of']): AsyncIterable<StoredFolder[]> {
    const folders: StoredFolder[] = [];
    for (const key of [...this.objects.keys()].sort()) {
      const found = folderPdfOfKey(key);
      if (found?.folder.of !== of) continue;
      const writtenAt = this.writtenAt.get(key) ?? new Date(0);
      const last = folders.at(-1);
      if (last?.folder.enterpriseNumber === found.folder.enterpriseNumber && last.folder.id === found.folder.id) {
        last.pdfs.push(found.pdf);
        if (writtenAt > last.lastWrittenAt) last.lastWrittenAt = writtenAt;
      } else folders.push({ folder: found.folder, pdfs: [found.pdf], lastWrittenAt: writtenAt });
    }
    for (let start = 0; start < folders.length; start += this.folderPageSize) yield folders.slice(start, start + this.folderPageSize);
  }

  async downloadUrl(pdf: Pdf, fileName: string, validity: { now: Date; notAfter: Date }): Promise<DownloadLink> {
    return { url: `memory:///${objectKeyOf(pdf)}?name=${encodeURIComponent(fileName)}`, expiresAt: validity.notAfter.toISOString() };
  }

  async uploadUrl(upload: UploadPdf, size: number): Promise<string> {
    return `memory:///${objectKeyOf(upload)}?size=${size}`;
  }
}
