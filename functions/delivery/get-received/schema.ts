import { z } from 'zod';
import { generatedIdSchema } from '../../../shared/domain/identifiers';

const companyMessageId = generatedIdSchema.meta({ description: 'The message a company sent (its id)' });
const attachmentId = generatedIdSchema.meta({ description: 'One of its PDFs' });

export const params = z.object({ companyMessageId });
export const attachmentParams = z.object({ companyMessageId, attachmentId });
