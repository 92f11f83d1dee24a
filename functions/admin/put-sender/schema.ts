import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { multilingualTextSchema } from '../../../shared/domain/schemas';
import { senderLevelSchema } from '../../codes';

export const params = z.object({ senderId: idSchema.meta({ description: 'The institution, as the operators name it' }) });

export const body = z
  .strictObject({
    name: multilingualTextSchema(200).meta({ title: 'SenderName', description: "The institution's name" }),
    level: senderLevelSchema,
    acceptsMessages: z.boolean().meta({ description: 'Whether companies may write to it' }),
    documentTypes: z
      .array(
        z
          .strictObject({
            code: idSchema,
            name: multilingualTextSchema(200).meta({ title: 'DocumentTypeName', description: 'What people see' }),
            validityDays: z.number().int().min(1).max(3650).meta({ description: 'How long its documents stay in the e-Box' }),
          })
          .meta({ title: 'DocumentTypeInput', description: 'A kind of document the institution publishes (each code once)' }),
      )
      .min(1)
      .max(100),
  })
  .meta({ title: 'SenderInput', description: 'An institution, created or replaced whole' });
