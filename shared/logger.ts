import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger per container (Powertools); requests log through child loggers. */
export const logger = new Logger({ serviceName: 'ebox-enterprise' });
