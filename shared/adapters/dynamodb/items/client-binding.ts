import { z } from 'zod';
import type { ClientBinding } from '../../../domain/client-binding';
import { keys } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';

const schema = z.object({
  clientId: z.string(),
  senderId: z.string().optional(),
  enterpriseNumber: z.string().optional(),
} satisfies ShapeOf<ClientBinding>);

export const toItem = (binding: ClientBinding): Item => ({ ...keys.client(binding.clientId), type: 'CLIENT', ...binding });

export const fromItem = (item: Item): ClientBinding => parseItem(schema, item);
