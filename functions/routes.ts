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

const route = (method: RouteDefinition['method'], path: string, handler: string, auth: RouteDefinition['auth'] = 'jwt'): RouteDefinition => ({
  method,
  path,
  handler: `functions/${handler}/handler.ts`,
  auth,
});

export const ROUTES: readonly RouteDefinition[] = [
  route('GET', '/health', 'health/get-health', 'none'),
  route('GET', '/openapi.json', 'openapi/get-openapi', 'none'),
  // Admin (ops)
  route('PUT', '/v1/admin/senders/{senderId}', 'admin/put-sender'),
  route('PUT', '/v1/admin/clients/{clientId}', 'admin/put-client'),
  route('PUT', '/v1/admin/enterprises/{enterpriseNumber}', 'admin/put-enterprise'),
  // Delivery (institutions)
  route('POST', '/v1/messages', 'delivery/publish-message'),
  route('GET', '/v1/messages', 'delivery/list-messages'),
  route('GET', '/v1/messages/{messageId}', 'delivery/get-message'),
  route('POST', '/v1/uploads', 'delivery/create-upload'),
  route('GET', '/v1/enterprises/{enterpriseNumber}/preferences', 'delivery/get-preferences'),
  route('GET', '/v1/received', 'delivery/list-received'),
  route('GET', '/v1/received/{id}', 'delivery/get-received'),
  route('GET', '/v1/received/{id}/attachments/{attachmentId}/content', 'delivery/download-received-attachment'),
  // Retrieval (companies)
  route('GET', '/v1/me', 'retrieval/get-me'),
  route('GET', '/v1/senders', 'retrieval/list-senders'),
  route('GET', '/v1/enterprises/{enterpriseNumber}', 'retrieval/get-enterprise'),
  route('PATCH', '/v1/enterprises/{enterpriseNumber}', 'retrieval/patch-enterprise'),
  route('GET', '/v1/enterprises/{enterpriseNumber}/messages', 'retrieval/list-inbox'),
  route('GET', '/v1/enterprises/{enterpriseNumber}/messages/{messageId}', 'retrieval/get-inbox-message'),
  route('PATCH', '/v1/enterprises/{enterpriseNumber}/messages/{messageId}', 'retrieval/patch-inbox-message'),
  route('GET', '/v1/enterprises/{enterpriseNumber}/messages/{messageId}/attachments/{attachmentId}/content', 'retrieval/download-attachment'),
  route('POST', '/v1/enterprises/{enterpriseNumber}/messages/{messageId}/replies', 'retrieval/post-reply'),
  route('POST', '/v1/enterprises/{enterpriseNumber}/sent', 'retrieval/post-sent'),
  route('GET', '/v1/enterprises/{enterpriseNumber}/sent', 'retrieval/list-sent'),
  route('GET', '/v1/enterprises/{enterpriseNumber}/sent/{id}', 'retrieval/get-sent'),
  // Access management (access managers)
  route('GET', '/v1/enterprises/{enterpriseNumber}/access', 'access/list-access'),
  route('PUT', '/v1/enterprises/{enterpriseNumber}/access/{ssin}', 'access/put-access'),
  route('DELETE', '/v1/enterprises/{enterpriseNumber}/access/{ssin}', 'access/delete-access'),
  route('GET', '/v1/enterprises/{enterpriseNumber}/audit', 'access/list-audit'),
];
