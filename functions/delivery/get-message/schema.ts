import { z } from 'zod';
import { generatedIdSchema } from '../../../shared/domain/identifiers';

export const params = z.object({ messageId: generatedIdSchema.meta({ description: 'The message, as publishing it answered' }) });
