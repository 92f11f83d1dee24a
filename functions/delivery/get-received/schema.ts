import { z } from 'zod';
import { generatedIdSchema } from '../../../shared/domain/identifiers';

export const params = z.object({ id: generatedIdSchema });
export const attachmentParams = params.extend({ attachmentId: generatedIdSchema });
