import { z } from 'zod';
import { SENDER_LEVELS, type DocumentType, type Sender } from '../../../domain/sender';
import { keys } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';
import { textSchema } from './values';

const documentTypeSchema = z.object({ code: z.string(), name: textSchema, validityDays: z.number() } satisfies ShapeOf<DocumentType>);

const schema = z.object({
  senderId: z.string(),
  name: textSchema,
  level: z.enum(SENDER_LEVELS),
  acceptsMessages: z.boolean(),
  documentTypes: z.array(documentTypeSchema),
} satisfies ShapeOf<Sender>);

/** Its own partition, and listed with every other sender in gsi1. */
export const toItem = (sender: Sender): Item => ({ ...keys.sender(sender.senderId), type: 'SENDER', ...sender });

export const fromItem = (item: Item): Sender => parseItem(schema, item);
