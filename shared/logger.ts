import { Logger } from '@aws-lambda-powertools/logger';
import { maskingReplacer } from './logging/personal-data';

/**
 * One structured JSON logger per container (Powertools); requests log through child loggers,
 * which inherit the masking of personal data and the Lambda context (request id).
 */
export const logger = new Logger({ serviceName: 'ebox-enterprise', jsonReplacerFn: maskingReplacer });
