import type { Logger } from '@aws-lambda-powertools/logger';
import { maskingReplacer } from './logging/personal-data';

let instance: Logger | undefined;

function made(): Logger {
  if (!instance) {
    const { Logger } = require('@aws-lambda-powertools/logger') as typeof import('@aws-lambda-powertools/logger');
    instance = new Logger({ serviceName: 'ebox-enterprise', jsonReplacerFn: maskingReplacer });
  }
  return instance;
}

/**
 * One structured JSON logger per container (Powertools); requests log through child loggers,
 * which inherit the masking of personal data and the Lambda context (request id). Built, and
 * Powertools loaded, on first use rather than in the cold start's init (most of what a bundle's
 * init would spend); every use goes to that one logger, its methods bound to it.
 */
export const logger: Logger = new Proxy({} as Logger, {
  get: (_, key) => {
    const target = made();
    const value: unknown = Reflect.get(target, key, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
  set: (_, key, value) => Reflect.set(made(), key, value),
});
