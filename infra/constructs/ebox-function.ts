import * as path from 'node:path';
import type { Duration } from 'aws-cdk-lib';
import { Policy, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Architecture, CfnFunction, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { acknowledge, BASIC_EXECUTION_ROLE } from '../nag';
import { bundledHandler } from './function-code';
import { powertoolsLayer } from './powertools-layer';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Set on every function; a caller's value for the same key wins. Not `--enable-source-maps`:
 * Node.js then parses the bundle's source map (~600 KB) in every cold start, ~14 ms of a ~45 ms
 * init here, for the rare stack trace. The map stays in the bundle: map a trace offline with it, or
 * set `NODE_OPTIONS=--enable-source-maps` on the function while investigating.
 */
const BASE_ENVIRONMENT: Readonly<Record<string, string>> = {
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

/**
 * The one way this app makes a Lambda function: same runtime, bundling, layer and logging
 * everywhere. The bundle (`index.js`, minified, with its source map) leaves the AWS SDK and
 * Powertools out: the runtime and the Powertools layer provide them.
 */
export class EboxFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: EboxFunctionProps) {
    super(scope, id, {
      code: bundledHandler(props.handler),
      handler: 'index.handler',
      layers: [powertoolsLayer(scope, REPO_ROOT)],
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      description: props.description,
      environment: { ...BASE_ENVIRONMENT, ...props.environment },
      // An explicit log group, not `logRetention`: no custom resource with a '*' policy.
      logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
    });
    this.traceWithXRay();
    acknowledge(this, "Lambda's standard policy for its own logs (CreateLogGroup, CreateLogStream, PutLogEvents): no access to any data", BASIC_EXECUTION_ROLE);
    acknowledge(
      this,
      'nodejs22.x is a Lambda-supported LTS runtime, the one the bundles target; moving to 24 is a change of its own',
      'AwsSolutions-L1',
      'Serverless-LambdaLatestVersion',
    );
  }

  /**
   * X-Ray: the invocation and its DynamoDB, SQS and SES calls (Powertools Tracer, shared/observability.ts).
   * Not `tracing: Tracing.ACTIVE`, which puts X-Ray's '*' into the role's default policy: in a policy
   * of its own, it is acknowledged there alone, and a '*' added to the function's grants is a finding.
   */
  private traceWithXRay(): void {
    const resource = this.node.defaultChild;
    if (!(resource instanceof CfnFunction) || !(this.role instanceof Role)) throw new Error(`${this.node.path}: no function or role to trace`);
    resource.tracingConfig = { mode: Tracing.ACTIVE };
    // Under the role, which the function depends on: the permission is there before the first invocation.
    const tracing = new Policy(this.role, 'Tracing', {
      roles: [this.role],
      statements: [new PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] })],
    });
    acknowledge(
      tracing,
      "X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions: '*' is their only resource",
      'AwsSolutions-IAM5[Resource::*]',
    );
  }
}
