import { AsyncLocalStorage } from 'node:async_hooks';
import type { BucketArea, TableIndex } from '../../shared/http/route-contract';

/**
 * What each route really does in AWS, recorded by the local runtime from the SDK calls its handler
 * makes (the gateway runs each handler inside `observing(routeKey, …)`). A test compares it with
 * what the route declares (its `touches`): a route that touches what it did not declare would be
 * refused in AWS, where its grants come from that declaration.
 */
export interface RouteAccess {
  tableRead: boolean;
  tableWrite: boolean;
  indexes: TableIndex[];
  partitions: string[];
  bucket: { read: BucketArea[]; write: BucketArea[]; delete: BucketArea[] };
  queues: string[];
}

const current = new AsyncLocalStorage<string>();
const observed = new Map<string, RouteAccess>();

export const observing = <T>(routeKey: string, run: () => Promise<T>): Promise<T> => current.run(routeKey, run);

export function observedAccess(): Record<string, RouteAccess> {
  return Object.fromEntries(observed);
}

function record(change: (access: RouteAccess) => void): void {
  const route = current.getStore();
  if (!route) return; // jobs and the runtime's own calls are not routes
  const access = observed.get(route) ?? {
    tableRead: false,
    tableWrite: false,
    indexes: [],
    partitions: [],
    bucket: { read: [], write: [], delete: [] },
    queues: [],
  };
  change(access);
  observed.set(route, access);
}

const addTo = <T>(list: T[], value: T) => {
  if (!list.includes(value)) list.push(value);
};

/** `ENT#0123456749` → `ENT#`; a key without `#` (`SENDERS`) is its own prefix. */
const prefixOf = (value: unknown): string | undefined => {
  const text = typeof value === 'string' ? value : (value as { S?: string } | undefined)?.S;
  if (text === undefined) return undefined;
  const hash = text.indexOf('#');
  return hash < 0 ? text : text.slice(0, hash + 1);
};

const READS = new Set([
  'GetItemCommand',
  'GetCommand',
  'QueryCommand',
  'BatchGetItemCommand',
  'BatchGetCommand',
  'TransactGetItemsCommand',
  'TransactGetCommand',
]);
const WRITES = new Set([
  'PutItemCommand',
  'PutCommand',
  'UpdateItemCommand',
  'UpdateCommand',
  'DeleteItemCommand',
  'DeleteCommand',
  'BatchWriteItemCommand',
  'BatchWriteCommand',
  'TransactWriteItemsCommand',
  'TransactWriteCommand',
]);

type Input = Record<string, unknown>;

/** The partition keys a DynamoDB request names: keys, items, transaction entries, or a query's `:pk`. */
function partitionsOf(command: string, input: Input): unknown[] {
  if (command.startsWith('Query')) return [(input.ExpressionAttributeValues as Input | undefined)?.[':pk']];
  if (command.startsWith('Transact')) {
    return ((input.TransactItems as Input[] | undefined) ?? []).flatMap((entry) =>
      Object.values(entry).flatMap((operation) => partitionsOf('', operation as Input)),
    );
  }
  if (command.startsWith('Batch')) {
    return Object.values((input.RequestItems as Record<string, unknown> | undefined) ?? {}).flatMap((request) =>
      Array.isArray(request)
        ? request.flatMap((write: Input) => partitionsOf('', (write.PutRequest as Input | undefined) ?? (write.DeleteRequest as Input | undefined) ?? {}))
        : ((request as { Keys?: Input[] }).Keys ?? []).map((key) => key.pk),
    );
  }
  return [(input.Key as Input | undefined)?.pk ?? (input.Item as Input | undefined)?.pk];
}

function recordDynamoDb(command: string, input: Input): void {
  const read = READS.has(command);
  const write = WRITES.has(command);
  if (!read && !write) return;
  record((access) => {
    if (read) access.tableRead = true;
    if (write) access.tableWrite = true;
    if (typeof input.IndexName === 'string') addTo(access.indexes, input.IndexName as TableIndex);
    for (const key of partitionsOf(command, input)) {
      const prefix = prefixOf(key);
      if (prefix) addTo(access.partitions, prefix);
    }
  });
}

const areaOf = (key: unknown): BucketArea | undefined => (typeof key === 'string' ? (key.split('/')[0] as BucketArea) : undefined);

function recordS3(command: string, input: Input): void {
  record((access) => {
    const area = areaOf(input.Key);
    const deleted = ((input.Delete as { Objects?: Input[] } | undefined)?.Objects ?? []).map((object) => areaOf(object.Key));
    if ((command === 'GetObjectCommand' || command === 'HeadObjectCommand') && area) addTo(access.bucket.read, area);
    if (command === 'PutObjectCommand' && area) addTo(access.bucket.write, area);
    if (command === 'CopyObjectCommand') {
      if (area) addTo(access.bucket.write, area);
      const source = areaOf(
        decodeURIComponent(String(input.CopySource ?? ''))
          .split('/')
          .slice(1)
          .join('/'),
      );
      if (source) addTo(access.bucket.read, source);
    }
    if (command === 'DeleteObjectCommand' && area) addTo(access.bucket.delete, area);
    for (const each of deleted) if (each) addTo(access.bucket.delete, each);
  });
}

function recordSqs(command: string, input: Input): void {
  if (!command.startsWith('SendMessage')) return;
  record((access) =>
    addTo(
      access.queues,
      String(input.QueueUrl ?? '')
        .split('/')
        .at(-1) ?? '',
    ),
  );
}

/** The part of an SDK v3 client this needs: its middleware stack. */
interface ObservableClient {
  middlewareStack: {
    add(
      middleware: (next: (args: { input: object }) => Promise<unknown>, context: { commandName?: string }) => (args: { input: object }) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

function observe(client: ObservableClient, recordCall: (command: string, input: Input) => void): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      recordCall(context.commandName ?? '', args.input as Input);
      return next(args);
    },
    { step: 'initialize', name: 'eboxObservedAccess' },
  );
}

/** Records the calls of the handlers' clients (DynamoDB, S3, SQS); presigned URLs go through the S3 client's stack too. */
export function observeClients(clients: { dynamodb: ObservableClient; s3: ObservableClient; sqs: ObservableClient }): void {
  observe(clients.dynamodb, recordDynamoDb);
  observe(clients.s3, recordS3);
  observe(clients.sqs, recordSqs);
}
