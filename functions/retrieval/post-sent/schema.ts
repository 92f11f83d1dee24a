import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { OUTGOING_LIMITS } from '../../../shared/domain/outgoing';
import { attachments, textBody } from '../post-reply/schema';

export const body = z.strictObject({
  to: idSchema,
  subject: z.string().trim().min(1, 'must not be empty').max(OUTGOING_LIMITS.subjectChars, `must be at most ${OUTGOING_LIMITS.subjectChars} characters`),
  body: textBody,
  attachments,
});
