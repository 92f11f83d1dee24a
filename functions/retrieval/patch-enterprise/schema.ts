import { z } from 'zod';
import { languageSchema } from '../../../shared/domain/schemas';

export const body = z
  .strictObject({ notificationEmail: z.email().max(254).optional(), language: languageSchema.optional(), digitalOnly: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'give at least one of notificationEmail, language, digitalOnly' })
  .meta({ title: 'EnterprisePatch', description: 'The settings to change (at least one)' });
