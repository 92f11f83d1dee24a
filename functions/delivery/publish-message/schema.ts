import { z } from 'zod';
import { generatedIdSchema, idSchema } from '../../../shared/domain/identifiers';
import { LIMITS } from '../../../shared/domain/message';
import { enterpriseNumberSchema, fileNameSchema, multilingualTextSchema } from '../../../shared/domain/schemas';
import type { AttachmentInput } from '../../../shared/services/publish-message';

/** Either inline bytes (`mediaType` + `contentBase64`) or a reference to an upload (`uploadId`). */
const attachmentSchema = z
  .strictObject({
    fileName: fileNameSchema,
    mediaType: z.string().max(100).optional(),
    contentBase64: z.string().min(1).optional(),
    uploadId: generatedIdSchema.optional(),
  })
  .meta({ title: 'AttachmentInput', description: 'A PDF: inline (mediaType and contentBase64) or uploaded first (uploadId)' })
  .superRefine((value, ctx) => {
    if ((value.contentBase64 === undefined) === (value.uploadId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: 'give either contentBase64 (inline) or uploadId, not both' });
    }
    if (value.contentBase64 !== undefined && value.mediaType === undefined) {
      ctx.addIssue({ code: 'custom', path: ['mediaType'], message: 'mediaType is required with contentBase64' });
    }
  })
  .transform(
    (value): AttachmentInput =>
      value.uploadId !== undefined
        ? { fileName: value.fileName, uploadId: value.uploadId }
        : { fileName: value.fileName, mediaType: value.mediaType ?? '', contentBase64: value.contentBase64 ?? '' },
  );

export const body = z
  .strictObject({
    recipient: enterpriseNumberSchema,
    documentType: idSchema,
    subject: multilingualTextSchema(LIMITS.subjectChars).meta({ title: 'Subject', description: 'At most 200 characters per language' }),
    body: multilingualTextSchema(LIMITS.bodyChars).optional().meta({ title: 'Body', description: 'At most 20 000 characters per language' }),
    registered: z.boolean().default(false),
    replyable: z.boolean().default(false),
    externalId: idSchema.optional(),
    validityDays: z.number().int().min(1).max(3650).optional().meta({ description: "Shortens the document type's validity, never lengthens it" }),
    attachments: z.array(attachmentSchema).max(LIMITS.attachments, `at most ${LIMITS.attachments} attachments`).default([]),
  })
  .meta({ title: 'MessageInput', description: 'A message to one company: a subject, and a body or PDFs' })
  // A subject alone tells the company nothing it can act on.
  .refine((message) => message.body !== undefined || message.attachments.length > 0, {
    path: ['body'],
    message: 'a message carries a body or at least one attachment',
  });
