import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { enterpriseNumberSchema } from '../../../shared/domain/schemas';

export const params = z.object({ clientId: idSchema });

/** A client is bound either to an institution (it publishes) or to a company (it reads). */
export const body = z.union([z.strictObject({ senderId: idSchema }), z.strictObject({ enterpriseNumber: enterpriseNumberSchema })]);

export const response = z
  .object({ clientId: z.string(), senderId: z.string().optional(), enterpriseNumber: z.string().optional() })
  .meta({ id: 'ClientBinding' });
