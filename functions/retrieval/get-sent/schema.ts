import { generatedIdSchema } from '../../../shared/domain/identifiers';
import { enterpriseParams } from '../enterprise-params';

export const params = enterpriseParams.extend({ companyMessageId: generatedIdSchema.meta({ description: 'The message the company sent (its id)' }) });
