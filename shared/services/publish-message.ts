import { createHash } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import { DEFAULT_LANGUAGE } from '../domain/enterprise';
import type { EnterpriseNumber } from '../domain/enterprise-number';
import {
  ConcurrentWriteError,
  ConflictError,
  IdempotencyRaceError,
  InvalidInputError,
  MissingPermissionError,
  UnsupportedMediaTypeError,
  UploadUnavailableError,
} from '../domain/errors';
import { expiryOf, looksLikePdf, type AttachmentMeta, type Delivery, type Message } from '../domain/message';
import { findDocumentType, type DocumentType, type Sender } from '../domain/sender';
import { pickText, type MultilingualText } from '../domain/text';
import type { Ports } from '../ports';
import type { Pdf, UploadPdf } from '../ports/document-store';
import type { Caller } from '../domain/caller';
import { authorizeInstitution } from './access-control';
import { checkInlinePdf, type CheckedPdf, type InlineAttachment } from './inline-attachments';

export type AttachmentInput = InlineAttachment | { fileName: string; uploadId: string };

export interface PublishRequest {
  recipient: EnterpriseNumber;
  documentType: string;
  subject: MultilingualText;
  body?: MultilingualText;
  registered: boolean;
  replyable: boolean;
  externalId?: string;
  validityDays?: number;
  attachments: AttachmentInput[];
}

type Deps = Pick<Ports, 'clientBindings' | 'senders' | 'messages' | 'uploads' | 'documents' | 'clock' | 'ids' | 'metrics'>;

/** A PDF ready to store: inline bytes, or an upload already in the store (the version that was checked). */
type ResolvedAttachment = { fileName: string; size: number; sha256: string } & ({ bytes: Buffer } | { upload: UploadPdf; version?: string });

const field = (index: number, name: string) => `attachments[${index}].${name}`;

/** The inline PDFs checked, decoded and hashed, each once, by their index among the attachments. */
function checkInlinePdfs(inputs: AttachmentInput[]): Map<number, CheckedPdf> {
  let inlineBytes = 0;
  const checked = new Map<number, CheckedPdf>();
  for (const [index, input] of inputs.entries()) {
    if (!('contentBase64' in input)) continue;
    const pdf = checkInlinePdf(input, index, inlineBytes);
    inlineBytes += pdf.size;
    checked.set(index, pdf);
  }
  return checked;
}

async function resolveAttachments(deps: Deps, senderId: string, inputs: AttachmentInput[], inline: Map<number, CheckedPdf>): Promise<ResolvedAttachment[]> {
  const seenUploads = new Set<string>();
  const resolved: ResolvedAttachment[] = [];
  for (const [index, input] of inputs.entries()) {
    const pdf = inline.get(index);
    if (pdf) {
      resolved.push(pdf);
      continue;
    }
    if (!('uploadId' in input)) throw new Error(`attachments[${index}] is inline but was not checked`);
    const refuse = (detail: string) =>
      new InvalidInputError([{ in: 'body', name: field(index, 'uploadId'), kind: 'referencedResourceNotFound', detail, value: input.uploadId }]);
    if (seenUploads.has(input.uploadId)) throw refuse(`upload ${input.uploadId} is attached twice`);
    seenUploads.add(input.uploadId);
    const upload = await deps.uploads.get(input.uploadId);
    if (!upload || upload.senderId !== senderId) throw refuse(`no upload ${input.uploadId} is waiting to be attached`);
    const uploaded: UploadPdf = { of: 'upload', senderId: upload.senderId, uploadId: upload.uploadId };
    const stored = await deps.documents.inspect(uploaded);
    if (!stored) throw refuse(`nothing was uploaded for ${input.uploadId}: PUT the file to its uploadUrl first`);
    if (stored.size !== upload.size) throw refuse(`the uploaded file has ${stored.size} bytes, not the ${upload.size} announced`);
    if (stored.sha256 !== upload.sha256) throw refuse('the uploaded file does not match the announced sha256');
    if (!looksLikePdf(stored.head))
      throw new UnsupportedMediaTypeError(`${field(index, 'uploadId')}: the uploaded file is not a PDF (it does not start with %PDF-)`);
    resolved.push({
      fileName: input.fileName,
      size: stored.size,
      sha256: stored.sha256,
      upload: uploaded,
      ...(stored.version ? { version: stored.version } : {}),
    });
  }
  return resolved;
}

/**
 * What makes two publications "the same": everything the sender chose; inline PDFs by the digest
 * of their bytes (`digestOf`), uploads by id (a retry must be recognised even after its upload
 * was consumed).
 */
function contentHash(request: PublishRequest, digestOf: (index: number, base64: string) => string): string {
  const canonical = {
    recipient: request.recipient,
    documentType: request.documentType,
    subject: request.subject,
    body: request.body ?? null,
    registered: request.registered,
    replyable: request.replyable,
    validityDays: request.validityDays ?? null,
    attachments: request.attachments.map((attachment, index) =>
      'uploadId' in attachment
        ? { fileName: attachment.fileName, uploadId: attachment.uploadId }
        : { fileName: attachment.fileName, mediaType: attachment.mediaType, sha256: digestOf(index, attachment.contentBase64) },
    ),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Idempotency records written before inline PDFs were hashed once carry the digest of their
 * base64 text instead; they live 365 days after their message's expiry, so a retry of one must
 * still be recognised. Computed only when the current hash does not match.
 */
const textDigestHash = (request: PublishRequest) => contentHash(request, (_index, base64) => createHash('sha256').update(base64).digest('hex'));

async function replayOf(deps: Deps, senderId: string, request: PublishRequest & { externalId: string }, hash: string): Promise<Delivery | undefined> {
  const { externalId } = request;
  const record = await deps.messages.getIdempotency(senderId, externalId);
  if (!record) return undefined;
  if (record.contentHash !== hash && record.contentHash !== textDigestHash(request)) {
    throw new ConflictError('externalIdConflict', `externalId ${externalId} was already used for a message with different content`);
  }
  const original = await deps.messages.getDelivery(record.messageId);
  if (!original) throw new Error(`idempotency record of ${externalId} points to a missing delivery`);
  return original;
}

/** The sender, and its document type the request names within its validity; refused otherwise. */
function documentTypeFor(sender: Sender | undefined, senderId: string, request: PublishRequest): { sender: Sender; type: DocumentType } {
  if (!sender) throw new MissingPermissionError(`Institution ${senderId} is not registered`);
  const type = findDocumentType(sender, request.documentType);
  if (!type) {
    throw new InvalidInputError([
      {
        in: 'body',
        name: 'documentType',
        kind: 'referencedResourceNotFound',
        detail: `${sender.senderId} has no document type ${request.documentType}`,
        value: request.documentType,
      },
    ]);
  }
  if (request.validityDays !== undefined && request.validityDays > type.validityDays) {
    throw new InvalidInputError([
      {
        in: 'body',
        name: 'validityDays',
        detail: `validityDays may shorten, never lengthen, the ${type.validityDays} days of ${type.code}`,
        value: request.validityDays,
      },
    ]);
  }
  return { sender, type };
}

/** A promise's outcome as a value, so that waiting for it never throws. */
const outcomeOf = <T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

/**
 * Publishes a message to a company: checks it, stores its PDFs, then writes the message, the
 * sender's record and the idempotency record in one transaction. A replay (same externalId, same
 * content) returns the original; nothing visible is left behind by a refused or failed request.
 *
 * Whether a request is a replay is asked at once but waited for only where it matters: before a
 * refusal (a replay of an accepted publication is answered as such), before uploads are looked up
 * (the original consumed them), and with the PDFs' writes, which it does not delay: a new
 * publication waits for one request fewer; a replay's PDFs are written, then deleted.
 */
export async function publishMessage(deps: Deps, caller: Caller, request: PublishRequest, traceId?: string): Promise<{ delivery: Delivery; created: boolean }> {
  const publisher = await authorizeInstitution(deps, caller);
  const { senderId } = publisher;
  const inline = checkInlinePdfs(request.attachments);
  const hash = contentHash(request, (index) => inline.get(index)?.sha256 ?? '');
  const { externalId } = request;
  const replay = outcomeOf(externalId ? replayOf(deps, senderId, { ...request, externalId }, hash) : Promise.resolve(undefined));
  const originalOf = async () => {
    const outcome = await replay;
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
  const withUploads = request.attachments.some((attachment) => 'uploadId' in attachment);
  const [early, registered] = await Promise.all([withUploads ? originalOf() : undefined, deps.senders.get(senderId)]);
  if (early) return { delivery: early, created: false };
  let sender: Sender;
  let type: DocumentType;
  try {
    ({ sender, type } = documentTypeFor(registered, senderId, request));
  } catch (error) {
    const original = await originalOf();
    if (original) return { delivery: original, created: false };
    throw error;
  }
  const attachments = await resolveAttachments(deps, senderId, request.attachments, inline);

  const now = deps.clock.now();
  const messageId = deps.ids.newId(now);
  // Each attachment with its id and where its PDF goes.
  const placed = attachments.map((attachment) => {
    const attachmentId = deps.ids.newId(now);
    const meta: AttachmentMeta = {
      attachmentId,
      fileName: attachment.fileName,
      mediaType: 'application/pdf',
      size: attachment.size,
      sha256: attachment.sha256,
    };
    const target: Pdf = { of: 'message', enterpriseNumber: request.recipient, messageId, attachmentId };
    return { attachment, meta, target };
  });
  const metas = placed.map(({ meta }) => meta);
  const pdfs = placed.map(({ target }) => target);
  const publishedAt = now.toISOString();
  const expiresAt = expiryOf(now, request.validityDays ?? type.validityDays).toISOString();
  const message: Message = {
    messageId,
    enterpriseNumber: request.recipient,
    senderId,
    senderName: sender.name,
    documentType: { code: type.code, name: type.name },
    subject: request.subject,
    ...(request.body ? { body: request.body } : {}),
    registered: request.registered,
    replyable: request.replyable,
    ...(request.externalId ? { externalId: request.externalId } : {}),
    publishedAt,
    expiresAt,
    read: false,
    attachments: metas,
    ...(traceId ? { traceId } : {}),
  };
  const { senderName: _name, enterpriseNumber: recipient, body: _body, read: _read, documentType, traceId: _trace, ...shared } = message;
  const delivery: Delivery = { ...shared, recipient, documentType: documentType.code };

  const uploads = attachments.flatMap((attachment) => ('upload' in attachment ? [attachment.upload] : []));
  try {
    // The PDFs first: a message is never visible without its documents. Meanwhile the replay check answers.
    const [writes, replayed] = await Promise.all([
      Promise.allSettled(
        placed.map(({ attachment, target }) =>
          'bytes' in attachment
            ? deps.documents.put(target, attachment.bytes, attachment.sha256)
            : deps.documents.copy(attachment.upload, target, attachment.version),
        ),
      ),
      replay,
    ]);
    if ('error' in replayed) throw replayed.error;
    if (replayed.value) {
      await deps.documents.delete(pdfs).catch(() => undefined); // best effort: the original has its own
      return { delivery: replayed.value, created: false };
    }
    const failed = writes.find((write): write is PromiseRejectedResult => write.status === 'rejected');
    if (failed) throw failed.reason;
    const audit: AuditEntry = {
      at: publishedAt,
      actor: { clientId: publisher.clientId, name: pickText(sender.name, DEFAULT_LANGUAGE) },
      action: 'MESSAGE_PUBLISHED',
      messageId,
      detail: type.code,
    };
    await deps.messages.publish(message, delivery, { contentHash: hash, consumedUploads: uploads.map((upload) => upload.uploadId), audit });
  } catch (error) {
    await deps.documents.delete(pdfs).catch(() => undefined); // best effort: PDFs nobody refers to

    if (request.externalId && (error instanceof IdempotencyRaceError || error instanceof ConcurrentWriteError)) {
      // A concurrent request with the same externalId may have won the race.
      const original = await replayOf(deps, senderId, { ...request, externalId: request.externalId }, hash);
      if (original) return { delivery: original, created: false };
    }
    if (uploads.length && (error instanceof ConcurrentWriteError || error instanceof UploadUnavailableError)) {
      // Another publication attached the same upload first, or its bytes changed after the check.
      throw new InvalidInputError([
        {
          in: 'body',
          name: 'attachments',
          kind: 'referencedResourceNotFound',
          detail: 'an upload of this message was attached to another message, or replaced, meanwhile',
        },
      ]);
    }
    throw error;
  }
  // The uploads were copied; the bucket's lifecycle rule removes them anyway if this fails.
  await deps.documents.delete(uploads).catch(() => undefined);
  deps.metrics.count('MessagesPublished');
  return { delivery, created: true };
}
