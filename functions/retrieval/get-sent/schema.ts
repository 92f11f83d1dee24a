import { generatedIdSchema } from '../../../shared/domain/identifiers';
import { enterpriseParams } from '../enterprise-params';

export const params = enterpriseParams.extend({ id: generatedIdSchema });
