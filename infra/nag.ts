import { type App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag's AWS Solutions and Serverless packs, as CDK validation plugins: every synth checks the
 * whole app, and an unacknowledged error fails it. Findings are acknowledged next to the construct
 * they concern (`acknowledge` below), each with its reason.
 */
export function addNagPacks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}

/** Acknowledges cdk-nag findings on `construct` and what it contains, all for the same reason. */
export function acknowledge(construct: IConstruct, reason: string, ...ids: readonly string[]): void {
  for (const id of ids) Validations.of(construct).acknowledge({ id, reason });
}

/** The finding of the AWS managed policy every Lambda role gets for its logs. */
export const BASIC_EXECUTION_ROLE = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/**
 * AwsSolutions-IAM5's finding for one wildcard resource of a policy, named as cdk-nag names it
 * (`<DataDocumentsDACEAC53.Arn>/documents/*`), so that only that resource is acknowledged.
 */
export function wildcardResource(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(resource))}]`;
}

/** A resolved reference as cdk-nag flattens it: `{ "Fn::GetAtt": [id, "Arn"] }` is `<id.Arn>`, `{ Ref: id }` is `<id>`. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const join: unknown = Reflect.get(value, 'Fn::Join');
    const getAtt: unknown = Reflect.get(value, 'Fn::GetAtt');
    const ref: unknown = Reflect.get(value, 'Ref');
    if (isList(join) && typeof join[0] === 'string' && isList(join[1])) return join[1].map(flatten).join(join[0]);
    if (isList(getAtt)) return `<${getAtt.map(flatten).join('.')}>`;
    if (ref !== undefined) return `<${flatten(ref)}>`;
  }
  throw new Error(`No cdk-nag finding id for ${JSON.stringify(value)}`);
}

const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);
