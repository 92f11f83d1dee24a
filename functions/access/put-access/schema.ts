import { z } from 'zod';
import { ROLES } from '../../../shared/domain/roles';
import { ssinSchema } from '../../../shared/domain/schemas';
import { enterpriseParams } from '../../retrieval/enterprise-params';

export const params = enterpriseParams.extend({ ssin: ssinSchema });
export const body = z.strictObject({ role: z.enum(ROLES), name: z.string().trim().min(1).max(200) });
