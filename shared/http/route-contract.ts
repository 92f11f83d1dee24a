import type { z } from 'zod';
import type { Scope } from '../domain/roles';

/**
 * What a route declares, once, in its folder's `route.ts`: the HTTP operation (method, path,
 * scopes), the zod schemas of its inputs (the handler validates with them) and of its answers,
 * the refusals it may answer, and what it touches in AWS. The route list, the OpenAPI document,
 * the handler's validation and the function's IAM grants are all derived from it.
 */

/** Refusals an operation may answer with (problem+json); 500 applies to every operation. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415;

export type Tag = 'Service' | 'Admin' | 'Delivery' | 'Retrieval' | 'Access management';

/** Response headers the OpenAPI document describes (components/headers). */
export type ResponseHeader = 'Location' | 'Repr-Digest' | 'Cache-Control';

/** An answer the route gives by design, not a refusal: 2xx, 302, and the health check's 503 (belgif: `{"status": "DOWN"}`, not a problem). */
export interface SuccessResponse {
  status: 200 | 201 | 204 | 302 | 503;
  description: string;
  /** The JSON body (io 'output'); none for 204 and 302. */
  schema?: z.ZodType;
  headers?: readonly ResponseHeader[];
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The single table's secondary indexes (shared/adapters/dynamodb/table-schema.ts). */
export type TableIndex = 'gsi1' | 'expiry' | 'unread';

/**
 * The areas of the documents bucket, by the first segment of the object key. `health` holds
 * nothing: the health check reads an absent key there to see that the bucket answers.
 */
export type BucketArea = 'documents' | 'company-messages' | 'uploads' | 'health';

export type QueueName = 'notifications';

/**
 * What a route's function touches. Least privilege is derived from it (infra/constructs/grants.ts);
 * the local runtime records what each route really does, and a test fails when a route touches
 * anything it did not declare.
 */
export interface Touches {
  table?: {
    /** `read`: GetItem, Query, BatchGetItem; `readWrite` adds PutItem, UpdateItem, DeleteItem (transactions use these). */
    access: 'read' | 'readWrite';
    /** Secondary indexes it queries. */
    indexes?: readonly TableIndex[];
    /** Prefixes of the partition keys it reads or writes (`ENT#`, `CLIENT#`…; an index's own partition keys for its queries). */
    partitions: readonly string[];
  };
  /** Object reads (GetObject, the source of a copy, presigned GET URLs), writes (PutObject, copies, presigned PUT URLs) and deletes, by area. */
  bucket?: { read?: readonly BucketArea[]; write?: readonly BucketArea[]; delete?: readonly BucketArea[] };
  /** Queues it sends messages to. */
  queues?: readonly QueueName[];
}

/**
 * belgif REST guide rules (belgif/rest-guide-validator) a route's path keeps on purpose, each with
 * its one-line reason: the document carries them as the validator's `x-ignore-rules`.
 */
export type BelgifWaivers = Readonly<Partial<Record<'col-name' | 'uri-extens' | 'uri-notat', string>>>;

export interface RouteContract<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/enterprises/{enterpriseNumber}`. */
  path: string;
  summary: string;
  /** What the operation does, beyond its summary; the conformance test requires one of every route (integrators read it). */
  description?: string;
  tag: Tag;
  /** The scopes of which the access token must carry one; `public`: no token. */
  security: 'public' | readonly Scope[];
  /** Path parameters: a zod object, one property per `{name}` of the path. */
  params?: P;
  query?: Q;
  body?: B;
  responses: readonly [SuccessResponse, ...SuccessResponse[]];
  errors: readonly ErrorStatus[];
  /** What a refusal means for this operation, where the generic text of its status says too little. */
  errorNotes?: Partial<Record<ErrorStatus, string>>;
  touches: Touches;
  /** Deviations from the belgif REST guide kept on purpose (the published v1 paths). */
  waivers?: BelgifWaivers;
}

/** Declares a route (identity, with the schemas' types kept for the handler). */
export function defineRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  contract: RouteContract<P, Q, B>,
): RouteContract<P, Q, B> {
  return contract;
}
