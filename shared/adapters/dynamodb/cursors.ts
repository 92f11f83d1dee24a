import { z } from 'zod';
import { InvalidInputError } from '../../domain/errors';
import { keys, companyMessageKeys } from './keys';

/**
 * Cursors are opaque to clients and never carry a table key: they hold the list they were made
 * for, whose list it is (the company or institution), and the id(s) of the last item returned.
 * A cursor of another list or owner is refused (400 on `cursor`); otherwise the repository
 * rebuilds the start key from the ids and the caller's own scope, so an edited cursor can at most
 * name another position in the caller's own list. Nothing reaches DynamoDB unchecked.
 */
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const id = z.string().regex(ULID);
const enterpriseNumber = z.string().regex(/^[01]\d{9}$/);

type Key = Record<string, unknown>;

interface Codec<Scope> {
  /** The cursor of the position after `key` (an item's key, or DynamoDB's LastEvaluatedKey) in `scope`'s list. */
  encode(key: Key, scope: Scope): string;
  /** The ExclusiveStartKey of the position `cursor` names, in `scope`; 400 when it is not a cursor of this list. */
  decode(cursor: string, scope: Scope): Record<string, string>;
}

const refused = () => new InvalidInputError([{ in: 'query', name: 'cursor', detail: 'cursor is not one this listing returned; start again without it' }]);

/** The text after `prefix` in `value`, when value is a string that starts with it. */
const after = (value: unknown, prefix: string): string => (typeof value === 'string' && value.startsWith(prefix) ? value.slice(prefix.length) : '');

function codec<Scope extends string, Fields extends Record<string, string>>(
  list: string,
  fields: z.ZodType<Fields>,
  fromKey: (key: Key) => Fields,
  toKey: (fields: Fields, scope: Scope) => Record<string, string>,
): Codec<Scope> {
  const schema = z.strictObject({ list: z.literal(list), of: z.string(), at: fields });
  return {
    encode: (key, scope) => Buffer.from(JSON.stringify({ list, of: scope, at: fromKey(key) }), 'utf8').toString('base64url'),
    decode(cursor, scope) {
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw refused();
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success || parsed.data.of !== scope) throw refused();
      return toKey(parsed.data.at, scope);
    },
  };
}

const byId = z.strictObject({ id });

export const cursors = {
  /** A company's inbox (pk ENT#n, sk MSG#id). */
  inbox: codec<string, { id: string }>(
    'inbox',
    byId,
    (key) => ({ id: after(key.sk, 'MSG#') }),
    ({ id: messageId }, n) => keys.message(n, messageId),
  ),
  /** A company's audit trail (pk ENT#n, sk AUDIT#id). */
  audit: codec<string, { id: string }>(
    'audit',
    byId,
    (key) => ({ id: after(key.sk, 'AUDIT#') }),
    ({ id: entryId }, n) => keys.audit(n, entryId),
  ),
  /** What a company sent (pk ENT#n, sk SENT#id). */
  sent: codec<string, { id: string }>(
    'sent',
    byId,
    (key) => ({ id: after(key.sk, 'SENT#') }),
    ({ id: sentId }, n) => {
      const key = companyMessageKeys.sent(n, sentId, '');
      return { pk: key.pk, sk: key.sk };
    },
  ),
  /** What companies sent to an institution (gsi1 RCV#senderId, with the item's table key). */
  received: codec<string, { id: string; from: string }>(
    'received',
    z.strictObject({ id, from: enterpriseNumber }),
    (key) => ({ id: after(key.sk, 'SENT#'), from: after(key.pk, 'ENT#') }),
    ({ id: sentId, from }, senderId) => companyMessageKeys.sent(from, sentId, senderId),
  ),
  /** An institution's published messages (gsi1 SND#senderId, with the delivery's table key). */
  deliveries: codec<string, { id: string }>(
    'deliveries',
    byId,
    (key) => ({ id: after(key.pk, 'MSG#') }),
    ({ id: messageId }, senderId) => keys.delivery(messageId, senderId),
  ),
};
