import { z } from 'zod';
import { ssinSchema } from '../../../shared/domain/schemas';
import { roleSchema } from '../../codes';
import { enterpriseParams } from '../../retrieval/enterprise-params';

export const params = enterpriseParams.extend({ ssin: ssinSchema });

export const body = z
  .strictObject({ role: roleSchema, name: z.string().trim().min(1).max(200) })
  .meta({ title: 'GrantInput', description: 'The access given (USER only here) and the name of the person' });
