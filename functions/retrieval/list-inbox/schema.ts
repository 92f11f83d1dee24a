import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { booleanQuerySchema, instantSchema } from '../../../shared/domain/schemas';
import { pageQuery } from '../../../shared/http/query';

export const query = z.strictObject({
  ...pageQuery,
  read: booleanQuerySchema.optional(),
  senderId: idSchema.optional(),
  documentType: idSchema.optional(),
  registered: booleanQuerySchema.optional(),
  publishedAfter: instantSchema.optional(),
  publishedBefore: instantSchema.optional(),
});
