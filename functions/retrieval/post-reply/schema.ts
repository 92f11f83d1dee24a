import { z } from 'zod';
import { OUTGOING_LIMITS } from '../../../shared/domain/outgoing';
import { fileNameSchema } from '../../../shared/domain/schemas';

/** Companies attach PDFs inline only (uploads are an institution's tool for large files). */
export const inlineAttachmentSchema = z.strictObject({ fileName: fileNameSchema, mediaType: z.string().max(100), contentBase64: z.string().min(1) });

export const textBody = z.string().trim().min(1, 'must not be empty').max(OUTGOING_LIMITS.bodyChars, `must be at most ${OUTGOING_LIMITS.bodyChars} characters`);
export const attachments = z.array(inlineAttachmentSchema).max(OUTGOING_LIMITS.attachments, `at most ${OUTGOING_LIMITS.attachments} attachments`).default([]);

export const body = z.strictObject({ body: textBody, attachments });
