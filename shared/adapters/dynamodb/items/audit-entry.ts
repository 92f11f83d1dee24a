import { ulid } from 'ulid';
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditEntry } from '../../../domain/audit';
import { keys } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';
import { actorSchema } from './values';

const schema = z.object({
  at: z.string(),
  actor: actorSchema,
  action: z.enum(AUDIT_ACTIONS),
  messageId: z.string().optional(),
  detail: z.string().optional(),
} satisfies ShapeOf<AuditEntry>);

/** In the company's partition; its id is a ULID of `at`, so the trail sorts by time. */
export const toItem = (enterpriseNumber: string, entry: AuditEntry): Item => ({
  ...keys.audit(enterpriseNumber, ulid(Date.parse(entry.at))),
  type: 'AUDIT',
  enterpriseNumber,
  ...entry,
});

export const fromItem = (item: Item): AuditEntry => parseItem(schema, item);
