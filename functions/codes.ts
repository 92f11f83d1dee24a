import { z } from 'zod';
import { ROLES } from '../shared/domain/roles';
import { SENDER_LEVELS } from '../shared/domain/sender';

/** belgif's cod-design wants new codes in lowerCamelCase; these were published in v1 (belgif/rest-guide-validator's x-ignore-rules). */
const PUBLISHED_IN_V1 = { 'cod-design': 'published in UPPER_CASE by the v1 contract: its clients compare these values' };

/** The codes of the API, each one component schema, shared by requests and answers. */
export const senderLevelSchema = z
  .enum(SENDER_LEVELS)
  .meta({ id: 'SenderLevel', description: "The institution's level of government", 'x-ignore-rules': PUBLISHED_IN_V1 });

export const roleSchema = z.enum(ROLES).meta({
  id: 'Role',
  description:
    "A person's access to a company's e-Box: USER reads, replies and writes; ACCESS_MANAGER also grants and revokes USER access and reads the audit trail",
  'x-ignore-rules': PUBLISHED_IN_V1,
});

export const deliveryStatusSchema = z.enum(['DELIVERED', 'READ', 'EXPIRED']).meta({
  id: 'DeliveryStatus',
  description: 'DELIVERED: in the e-Box, not read yet; READ: the company opened it or downloaded a PDF (see firstReadAt); EXPIRED: gone from the e-Box',
  'x-ignore-rules': PUBLISHED_IN_V1,
});
