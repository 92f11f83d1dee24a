import { z } from 'zod';
import { COMPANY_MESSAGE_LIMITS } from '../../../shared/domain/company-message';
import { fileNameSchema } from '../../../shared/domain/schemas';

/** Companies attach PDFs inline only (uploads are an institution's tool for large files). */
const inlineAttachmentSchema = z
  .strictObject({ fileName: fileNameSchema, mediaType: z.string().max(100), contentBase64: z.string().min(1) })
  .meta({ title: 'InlineAttachment', description: 'A PDF, in base64' });

export const textBody = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(COMPANY_MESSAGE_LIMITS.bodyChars, `must be at most ${COMPANY_MESSAGE_LIMITS.bodyChars} characters`);
export const attachments = z
  .array(inlineAttachmentSchema)
  .max(COMPANY_MESSAGE_LIMITS.attachments, `at most ${COMPANY_MESSAGE_LIMITS.attachments} attachments`)
  .default([]);

export const body = z.strictObject({ body: textBody, attachments }).meta({ title: 'ReplyInput', description: 'A reply to the message' });
