import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { pageQuery } from '../../../shared/http/query';

export const query = z.strictObject({ externalId: idSchema.optional().meta({ description: 'Only the message with this externalId' }), ...pageQuery });
