import { z } from 'zod';
import { enterpriseNumberSchema, languageSchema, ssinSchema } from '../../../shared/domain/schemas';

export const params = z.object({ enterpriseNumber: enterpriseNumberSchema });

export const body = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    notificationEmail: z.email().max(254).optional().meta({ description: 'Where new documents and expiry warnings are announced' }),
    language: languageSchema.optional().meta({ description: 'The language of its emails (fr unless given)' }),
    accessManagers: z
      .array(
        z
          .strictObject({ ssin: ssinSchema, name: z.string().trim().min(1).max(200) })
          .meta({ title: 'AccessManagerInput', description: 'A person who manages access to the e-Box' }),
      )
      .min(1)
      .max(20)
      .refine((people) => new Set(people.map((person) => person.ssin)).size === people.length, { message: 'each person may be listed once' }),
  })
  .meta({ title: 'EnterpriseRegistration', description: 'A company and its access managers' });
