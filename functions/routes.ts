/**
 * Every HTTP route, once: the CDK stack makes a Lambda function and an API Gateway route of each,
 * the local gateway serves them, and the tenant-isolation tests walk them all.
 */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path syntax: `/v1/enterprises/{enterpriseNumber}`. */
  path: string;
  /** The handler module, from the repository root; it exports `handler`. */
  handler: string;
  /** `jwt`: behind the JWT authorizer; `none`: public. */
  auth: 'jwt' | 'none';
}

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/health', handler: 'functions/health/get-health/handler.ts', auth: 'none' },
  { method: 'GET', path: '/v1/me', handler: 'functions/retrieval/get-me/handler.ts', auth: 'jwt' },
];
