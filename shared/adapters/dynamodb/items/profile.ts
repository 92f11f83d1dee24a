import { z } from 'zod';
import { DEFAULT_LANGUAGE, type EnterpriseProfile } from '../../../domain/enterprise';
import type { EnterpriseNumber } from '../../../domain/enterprise-number';
import { languageSchema } from '../../../domain/schemas';
import { parseItem, type Item, type ShapeOf } from './parse';

// A company's profile (`ENT#<n>` / `PROFILE`). Written by updates only: registration, changes, and
// the unread counter, whose `ADD` creates a bare profile for a company that nobody registered yet.

type StoredProfile = Partial<Omit<EnterpriseProfile, 'enterpriseNumber'>>;

const schema = z.object({
  name: z.string().optional(),
  notificationEmail: z.string().optional(),
  language: languageSchema.optional(),
  digitalOnly: z.boolean().optional(),
  digitalOnlySince: z.string().optional(),
  digitalOnlyBy: z.string().optional(),
  unreadCount: z.number().optional(),
  unreadCountExactUntil: z.string().optional(),
  unreadMarkedAt: z.string().optional(),
} satisfies ShapeOf<StoredProfile>);

/** The profile, with the defaults of what a bare profile lacks (the counter never shows below zero). */
export function fromItem(enterpriseNumber: EnterpriseNumber, item: Item): EnterpriseProfile {
  const stored = parseItem(schema, item);
  return {
    ...stored,
    enterpriseNumber,
    language: stored.language ?? DEFAULT_LANGUAGE,
    digitalOnly: stored.digitalOnly ?? false,
    unreadCount: Math.max(0, stored.unreadCount ?? 0),
  };
}
