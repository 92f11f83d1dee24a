import { z } from 'zod';
import type { Grant } from '../../../domain/access';
import { ROLES } from '../../../domain/roles';
import { enterpriseNumberSchema, ssinSchema } from '../../../domain/schemas';
import { keys } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';
import { actorSchema } from './values';

const schema = z.object({
  enterpriseNumber: enterpriseNumberSchema,
  ssin: ssinSchema,
  name: z.string(),
  role: z.enum(ROLES),
  grantedAt: z.string(),
  grantedBy: actorSchema,
} satisfies ShapeOf<Grant>);

/** In the company's partition, and by person in gsi1. */
export const toItem = (grant: Grant): Item => ({ ...keys.grant(grant.enterpriseNumber, grant.ssin), type: 'GRANT', ...grant });

export const fromItem = (item: Item): Grant => parseItem(schema, item);
