import { z } from 'zod';
import { generatedIdSchema } from '../../shared/domain/identifiers';
import { enterpriseNumberSchema } from '../../shared/domain/schemas';

/** Path parameters shared by the company routes. */
export const enterpriseParams = z.object({ enterpriseNumber: enterpriseNumberSchema });
export const messageParams = enterpriseParams.extend({ messageId: generatedIdSchema.meta({ description: "The message, in the company's e-Box" }) });
export const attachmentParams = messageParams.extend({ attachmentId: generatedIdSchema.meta({ description: 'One of its PDFs' }) });
