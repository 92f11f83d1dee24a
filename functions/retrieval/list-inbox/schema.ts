import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { booleanQuerySchema, instantSchema } from '../../../shared/domain/schemas';
import { pageQuery } from '../../../shared/http/query';

const since1970 = instantSchema.refine((value) => Date.parse(value) >= 0, { message: 'must not be before 1970' });

export const query = z
  .strictObject({
    ...pageQuery,
    read: booleanQuerySchema.optional().meta({ description: 'Only read (true) or unread (false) messages' }),
    senderId: idSchema.optional().meta({ description: 'Only the messages of this institution' }),
    documentType: idSchema.optional().meta({ description: 'Only the messages of this document type (its code)' }),
    registered: booleanQuerySchema.optional().meta({ description: 'Only registered (true) or ordinary (false) mail' }),
    publishedAfter: since1970.optional().meta({ description: 'Only the messages published after this instant (exclusive)' }),
    publishedBefore: since1970.optional().meta({ description: 'Only the messages published before this instant (exclusive)' }),
  })
  .refine((query) => !query.publishedAfter || !query.publishedBefore || query.publishedAfter < query.publishedBefore, {
    path: ['publishedBefore'],
    message: 'must be later than publishedAfter',
  });
