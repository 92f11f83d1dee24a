import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { COMPANY_MESSAGE_LIMITS } from '../../../shared/domain/company-message';
import { attachments, textBody } from '../post-reply/schema';

export const body = z
  .strictObject({
    to: idSchema.meta({ description: 'The institution (senderId); it must accept messages' }),
    subject: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(COMPANY_MESSAGE_LIMITS.subjectChars, `must be at most ${COMPANY_MESSAGE_LIMITS.subjectChars} characters`),
    body: textBody,
    attachments,
  })
  .meta({ title: 'CompanyMessageInput', description: 'A new message to an institution' });
