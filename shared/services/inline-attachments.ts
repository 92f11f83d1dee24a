import { createHash } from 'node:crypto';
import { decodeStrictBase64 } from '../domain/base64';
import { InvalidInputError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../domain/errors';
import { LIMITS, looksLikePdf } from '../domain/message';

export interface InlineAttachment {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

export interface CheckedPdf {
  fileName: string;
  bytes: Buffer;
  size: number;
  /** Lowercase hex SHA-256 of the bytes: the one digest of them (store checksum, metadata, idempotency). */
  sha256: string;
}

/**
 * The checks every inline attachment passes, whoever sends it: PDF media type, strict base64,
 * the `%PDF-` signature, and at most 4 MiB decoded in total (`alreadyInline` bytes came before).
 * The text is decoded once and the bytes hashed once.
 */
export function checkInlinePdf(input: InlineAttachment, index: number, alreadyInline: number): CheckedPdf {
  const field = (name: string) => `attachments[${index}].${name}`;
  if (input.mediaType !== 'application/pdf')
    throw new UnsupportedMediaTypeError(`${field('mediaType')}: only application/pdf is accepted, not ${input.mediaType}`);
  const bytes = decodeStrictBase64(input.contentBase64);
  if (!bytes) throw new InvalidInputError([{ in: 'body', name: field('contentBase64'), detail: `${field('contentBase64')} is not valid base64` }]);
  if (alreadyInline + bytes.length > LIMITS.inlineBytes) {
    throw new PayloadTooLargeError(`attachments: inline attachments may hold at most ${LIMITS.inlineBytes} bytes in total (4 MiB)`);
  }
  if (!looksLikePdf(bytes)) throw new UnsupportedMediaTypeError(`${field('contentBase64')}: the content is not a PDF (it does not start with %PDF-)`);
  return { fileName: input.fileName, bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
