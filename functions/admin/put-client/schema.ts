import { z } from 'zod';
import { idSchema } from '../../../shared/domain/identifiers';
import { enterpriseNumberSchema } from '../../../shared/domain/schemas';

export const params = z.object({ clientId: idSchema.meta({ description: 'The machine client: its OAuth client_id at the issuer' }) });

/** A client is bound either to an institution (it publishes) or to a company (it reads). */
export const body = z
  .union([
    z.strictObject({ senderId: idSchema }).meta({ title: 'InstitutionBinding', description: "An institution's back office: it publishes for it" }),
    z.strictObject({ enterpriseNumber: enterpriseNumberSchema }).meta({ title: 'CompanyBinding', description: "A company's own system: it reads its e-Box" }),
  ])
  .meta({ description: 'What the client acts for' });

export const response = z
  .object({ clientId: z.string(), senderId: z.string().optional(), enterpriseNumber: z.string().optional() })
  .meta({ id: 'ClientBinding', description: 'A machine client and the institution or company it acts for' });
