import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CopyObjectCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { UploadUnavailableError } from '../../domain/errors';
import type { DocumentStore, DownloadLink, Pdf, PdfFolder, StoredFolder, StoredPdfInfo, UploadPdf } from '../../ports/document-store';
import { FOLDER_PREFIXES, folderPdfOfKey, objectKeyOf } from './object-keys';

// infra/definitions.ts gives the bucket's lifecycle rule this prefix from here.
export { UPLOADS_PREFIX } from './object-keys';

/**
 * A missing object. Without s3:ListBucket (not granted: it would let a function list every
 * company's documents), S3 answers a missing key with 403 AccessDenied rather than 404, so for the
 * objects a function is granted to read, AccessDenied means missing too.
 */
const isMissing = (error: unknown) => error instanceof Error && ['NoSuchKey', 'NotFound', 'AccessDenied'].includes(error.name);

const hasHeaders = (request: unknown): request is { headers: Record<string, string> } =>
  typeof request === 'object' && request !== null && 'headers' in request && typeof request.headers === 'object' && request.headers !== null;

/** PDFs in the private bucket: written before the message, served through short-lived URLs. */
export class S3DocumentStore implements DocumentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly urlSeconds: number,
  ) {}

  async put(pdf: Pdf, bytes: Buffer, sha256Hex: string): Promise<void> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: objectKeyOf(pdf),
      Body: bytes,
      ContentType: 'application/pdf',
      ChecksumSHA256: Buffer.from(sha256Hex, 'hex').toString('base64'),
    });
    // SigV4 signs the payload's SHA-256, which is the digest taken at publication: given in its
    // header, the SDK does not hash the PDF a second time (S3 refuses bytes that do not match it).
    command.middlewareStack.add(
      (next) => async (args) => {
        if (hasHeaders(args.request)) args.request.headers['x-amz-content-sha256'] = sha256Hex;
        return next(args);
      },
      { step: 'build', name: 'knownPayloadSha256' },
    );
    await this.s3.send(command);
  }

  async inspect(pdf: Pdf): Promise<StoredPdfInfo | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKeyOf(pdf) }));
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      for await (const chunk of object.Body as Readable) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        size += bytes.length;
        if (head.length < 8) head = Buffer.concat([head, bytes.subarray(0, 8 - head.length)]);
      }
      // The ETag names the version read, for the copy's condition.
      return { size, sha256: hash.digest('hex'), head, ...(object.ETag ? { version: object.ETag } : {}) };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async copy(from: UploadPdf, to: Pdf, version?: string): Promise<void> {
    try {
      await this.s3.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: objectKeyOf(to),
          CopySource: `${this.bucket}/${encodeURIComponent(objectKeyOf(from))}`,
          ContentType: 'application/pdf',
          MetadataDirective: 'REPLACE',
          ...(version ? { CopySourceIfMatch: version } : {}),
        }),
      );
    } catch (error) {
      if (isMissing(error) || (error instanceof Error && error.name === 'PreconditionFailed')) {
        throw new UploadUnavailableError(`upload ${from.uploadId} is gone or was replaced since it was checked`, { cause: error });
      }
      throw error;
    }
  }

  async delete(pdfs: Pdf[]): Promise<void> {
    const keys = pdfs.map(objectKeyOf);
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      const result = await this.s3.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
      if (result.Errors?.length) throw new Error(`S3 refused to delete ${result.Errors.length} object(s): ${result.Errors[0]?.Code}`);
    }
  }

  /**
   * Lists the area a page (1,000 keys) at a time. Keys come in order, so a folder's PDFs are
   * adjacent; the last folder of a page may go on in the next one, so it waits for it.
   */
  async *folders(of: PdfFolder['of']): AsyncIterable<StoredFolder[]> {
    let open: StoredFolder | undefined;
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: FOLDER_PREFIXES[of], ContinuationToken: token }));
      const complete: StoredFolder[] = [];
      for (const object of page.Contents ?? []) {
        const found = object.Key ? folderPdfOfKey(object.Key) : undefined;
        if (!found) continue;
        const writtenAt = object.LastModified ?? new Date(0);
        if (open && open.folder.enterpriseNumber === found.folder.enterpriseNumber && open.folder.id === found.folder.id) {
          open.pdfs.push(found.pdf);
          if (writtenAt > open.lastWrittenAt) open.lastWrittenAt = writtenAt;
        } else {
          if (open) complete.push(open);
          open = { folder: found.folder, pdfs: [found.pdf], lastWrittenAt: writtenAt };
        }
      }
      if (complete.length) yield complete;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    if (open) yield [open];
  }

  /** The caller refuses documents with less than a second left. */
  async downloadUrl(pdf: Pdf, fileName: string, validity: { now: Date; notAfter: Date }): Promise<DownloadLink> {
    const asciiName = fileName.replace(/[^\w.\- ]/g, '_');
    const secondsLeft = Math.floor((validity.notAfter.getTime() - validity.now.getTime()) / 1000);
    const expiresIn = Math.max(1, Math.min(this.urlSeconds, secondsLeft));
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: objectKeyOf(pdf),
        ResponseContentType: 'application/pdf',
        // RFC 6266: an ASCII fallback, and the real name (accents included) in filename*.
        ResponseContentDisposition: `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(fileName)}`,
      }),
      { expiresIn, signingDate: validity.now },
    );
    return { url, expiresAt: new Date(validity.now.getTime() + expiresIn * 1000).toISOString() };
  }

  /** Signed at `now`, the injected clock, as downloads are (the local S3 front checks expiry on it). */
  async uploadUrl(upload: UploadPdf, size: number, now: Date): Promise<string> {
    return getSignedUrl(this.s3, new PutObjectCommand({ Bucket: this.bucket, Key: objectKeyOf(upload), ContentType: 'application/pdf', ContentLength: size }), {
      expiresIn: this.urlSeconds,
      signingDate: now,
      signableHeaders: new Set(['content-type']),
    });
  }
}

/** RFC 5987 value characters: percent-encoded UTF-8, with the few characters encodeURIComponent leaves. */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
