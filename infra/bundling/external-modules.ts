/**
 * Left out of every bundle because the function finds them at run time: the AWS SDK v3 in the
 * Lambda runtime, Powertools (Logger, Metrics, Tracer and the X-Ray SDK under it) in its official
 * layer, added to every function at the installed version (`infra/constructs/powertools-layer.ts`).
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*', '@aws-lambda-powertools/*'] as const;
