import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { multilingualTextSchema } from '../../../shared/domain/schemas';
import { SENDER_LEVELS } from '../../../shared/domain/sender';

export const params = z.object({ senderId: idSchema });

export const body = z.strictObject({
  name: multilingualTextSchema(200),
  level: z.enum(SENDER_LEVELS),
  acceptsMessages: z.boolean(),
  documentTypes: z
    .array(z.strictObject({ code: idSchema, name: multilingualTextSchema(200), validityDays: z.number().int().min(1).max(3650) }))
    .min(1)
    .max(100),
});
