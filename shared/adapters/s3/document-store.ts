import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CopyObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** PDFs in the private bucket: written before the message, served through short-lived URLs. */
export class DocumentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly urlSeconds: number,
  ) {}

  async put(key: string, bytes: Buffer, sha256Hex: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: 'application/pdf',
        ChecksumSHA256: Buffer.from(sha256Hex, 'hex').toString('base64'),
      }),
    );
  }

  /** Size, SHA-256 and first bytes of an uploaded object, read in one pass; undefined when absent. */
  async inspect(key: string): Promise<{ size: number; sha256: string; head: Buffer; etag?: string } | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      for await (const chunk of object.Body as Readable) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        size += bytes.length;
        if (head.length < 8) head = Buffer.concat([head, bytes.subarray(0, 8 - head.length)]);
      }
      return { size, sha256: hash.digest('hex'), head, ...(object.ETag ? { etag: object.ETag } : {}) };
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound') return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return false;
      throw error;
    }
  }

  /** Copies `from` only if it is still the version read as `etag` (its digest was checked on that one). */
  async copy(from: string, to: string, etag?: string): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to,
        CopySource: `${this.bucket}/${encodeURIComponent(from)}`,
        ContentType: 'application/pdf',
        MetadataDirective: 'REPLACE',
        ...(etag ? { CopySourceIfMatch: etag } : {}),
      }),
    );
  }

  /** Idempotent: deleting what is already gone succeeds. */
  async delete(keys: string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      const result = await this.s3.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
      if (result.Errors?.length) throw new Error(`S3 refused to delete ${result.Errors.length} object(s): ${result.Errors[0]?.Code}`);
    }
  }

  /**
   * A short-lived download URL, signed at `now` (the injected clock) and valid until `notAfter` at
   * the latest: a URL never outlives the document it serves. The caller refuses documents with
   * less than a second left.
   */
  async downloadUrl(key: string, fileName: string, validity: { now: Date; notAfter: Date }): Promise<{ url: string; expiresAt: string }> {
    const asciiName = fileName.replace(/[^\w.\- ]/g, '_');
    const secondsLeft = Math.floor((validity.notAfter.getTime() - validity.now.getTime()) / 1000);
    const expiresIn = Math.max(1, Math.min(this.urlSeconds, secondsLeft));
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: 'application/pdf',
        // RFC 6266: an ASCII fallback, and the real name (accents included) in filename*.
        ResponseContentDisposition: `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(fileName)}`,
      }),
      { expiresIn, signingDate: validity.now },
    );
    return { url, expiresAt: new Date(validity.now.getTime() + expiresIn * 1000).toISOString() };
  }

  /** A presigned PUT for an institution's large PDF, signed at `now` (the injected clock, as downloads are). */
  async uploadUrl(key: string, size: number, now: Date): Promise<string> {
    return getSignedUrl(this.s3, new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: 'application/pdf', ContentLength: size }), {
      expiresIn: this.urlSeconds,
      signingDate: now,
      signableHeaders: new Set(['content-type']),
    });
  }
}

/** RFC 5987 value characters: percent-encoded UTF-8, with the few characters encodeURIComponent leaves. */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/** Presigned uploads land under this prefix; the bucket's lifecycle rule removes those never attached. */
export const UPLOADS_PREFIX = 'uploads/';

/** Where a published attachment lives; the stream consumer derives it again to delete it. */
export const documentKey = (enterpriseNumber: string, messageId: string, attachmentId: string) => `documents/${enterpriseNumber}/${messageId}/${attachmentId}.pdf`;

/** Where a PDF that a company sent to an institution lives. */
export const outgoingDocumentKey = (enterpriseNumber: string, id: string, attachmentId: string) => `outgoing/${enterpriseNumber}/${id}/${attachmentId}.pdf`;
