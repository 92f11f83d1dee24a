import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { pageQuery } from '../../../shared/http/query';

export const query = z.strictObject({ externalId: idSchema.optional(), ...pageQuery });
