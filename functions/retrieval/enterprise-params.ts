import { z } from 'zod';
import { generatedIdSchema } from '../../shared/domain/identifiers';
import { enterpriseNumberSchema } from '../../shared/domain/schemas';

/** Path parameters shared by the company routes. */
export const enterpriseParams = z.object({ enterpriseNumber: enterpriseNumberSchema });
export const messageParams = enterpriseParams.extend({ messageId: generatedIdSchema });
export const attachmentParams = messageParams.extend({ attachmentId: generatedIdSchema });
