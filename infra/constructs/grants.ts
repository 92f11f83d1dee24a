import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { QueueName, Touches } from '../../shared/http/route-contract';
import { acknowledge, wildcardResource } from '../nag';

/** What a route's touches refer to in the stack. */
export interface Resources {
  table: ITable;
  bucket: IBucket;
  queues: Readonly<Record<QueueName, IQueue>>;
}

/** Named actions only: reading is GetItem, Query, BatchGetItem (and condition checks in transactions). */
const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem'] as const;
/** Transactions need the actions of the items they hold; there is no separate transaction action. */
const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

/**
 * The least privilege a route's declared touches need, as IAM statements on its function's role:
 * read-only routes get read actions only, the indexes it queries by ARN, the bucket by area
 * (`documents/*`…), the queues it sends to. A route that touches nothing gets no statement.
 */
export function grantTouches(fn: IFunction, touches: Touches, resources: Resources): void {
  for (const statement of statementsFor(touches, resources)) fn.addToRolePolicy(statement);
  const { read = [], write = [], delete: remove = [] } = touches.bucket ?? {};
  for (const area of new Set([...read, ...write, ...remove])) {
    const objects = wildcardResource(fn, objectsOf(resources.bucket, area));
    acknowledge(fn, "'*' is the object keys under one area of the documents bucket, the area the route declares", objects);
  }
}

const objectsOf = (bucket: IBucket, area: string): string => bucket.arnForObjects(`${area}/*`);

function statementsFor(touches: Touches, { table, bucket, queues }: Resources): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  if (touches.table) {
    const actions = touches.table.access === 'readWrite' ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : [...TABLE_READ_ACTIONS];
    statements.push(new PolicyStatement({ actions, resources: [table.tableArn] }));
    const indexes = touches.table.indexes ?? [];
    if (indexes.length)
      statements.push(new PolicyStatement({ actions: ['dynamodb:Query'], resources: indexes.map((index) => `${table.tableArn}/index/${index}`) }));
  }
  const objects = (areas: readonly string[] | undefined) => (areas ?? []).map((area) => objectsOf(bucket, area));
  const bucketActions = [
    ['s3:GetObject', touches.bucket?.read],
    ['s3:PutObject', touches.bucket?.write],
    ['s3:DeleteObject', touches.bucket?.delete],
  ] as const;
  for (const [action, areas] of bucketActions) if (areas?.length) statements.push(new PolicyStatement({ actions: [action], resources: objects(areas) }));
  const sendTo = touches.queues ?? [];
  if (sendTo.length) statements.push(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: sendTo.map((name) => queues[name].queueArn) }));
  return statements;
}
