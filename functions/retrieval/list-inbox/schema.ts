import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { booleanQuerySchema, instantSchema } from '../../../shared/domain/schemas';
import { pageQuery } from '../../../shared/http/query';

const since1970 = instantSchema.refine((value) => Date.parse(value) >= 0, { message: 'must not be before 1970' });

export const query = z
  .strictObject({
    ...pageQuery,
    read: booleanQuerySchema.optional(),
    senderId: idSchema.optional(),
    documentType: idSchema.optional(),
    registered: booleanQuerySchema.optional(),
    publishedAfter: since1970.optional(),
    publishedBefore: since1970.optional(),
  })
  .refine((query) => !query.publishedAfter || !query.publishedBefore || query.publishedAfter < query.publishedBefore, {
    path: ['publishedBefore'],
    message: 'must be later than publishedAfter',
  });
