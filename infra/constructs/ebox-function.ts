import * as path from 'node:path';
import type { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Set on every function; a caller's value for the same key wins. */
const BASE_ENVIRONMENT: Readonly<Record<string, string>> = {
  NODE_OPTIONS: '--enable-source-maps',
  POWERTOOLS_SERVICE_NAME: 'ebox-enterprise',
};

export interface EboxFunctionProps {
  /** The handler module from the repository root (as in `functions/routes.ts`); it exports `handler`. */
  handler: string;
  /** Merged over the shared defaults, never replacing them. */
  environment: Readonly<Record<string, string>>;
  description: string;
  timeout: Duration;
  memorySize?: number;
  /** Kept for this function alone, out of the account's pool (jobs, so that API traffic cannot starve them). */
  reservedConcurrentExecutions?: number;
}

/** The one way this app makes a Lambda function: same runtime, bundling and logging everywhere. */
export class EboxFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: EboxFunctionProps) {
    super(scope, id, {
      entry: path.join(REPO_ROOT, props.handler),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      description: props.description,
      environment: { ...BASE_ENVIRONMENT, ...props.environment },
      // X-Ray: the invocation and its DynamoDB, SQS and SES calls (Powertools Tracer, shared/observability.ts).
      tracing: Tracing.ACTIVE,
      // An explicit log group, not `logRetention`: no custom resource with a '*' policy.
      logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
      bundling: {
        format: OutputFormat.CJS,
        target: 'node22',
        minify: true,
        sourceMap: true,
        // Stack traces only need the mappings; leaving sources out keeps the zip small.
        sourcesContent: false,
        // The Lambda runtime ships SDK v3.
        externalModules: ['@aws-sdk/*'],
      },
    });
  }
}
