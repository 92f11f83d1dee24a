import type { RouteContract } from '../shared/http/route-contract';
import { route as deleteAccess } from './access/delete-access/route';
import { route as listAccess } from './access/list-access/route';
import { route as listAudit } from './access/list-audit/route';
import { route as putAccess } from './access/put-access/route';
import { route as putClient } from './admin/put-client/route';
import { route as putEnterprise } from './admin/put-enterprise/route';
import { route as putSender } from './admin/put-sender/route';
import { route as createUpload } from './delivery/create-upload/route';
import { route as downloadReceivedAttachment } from './delivery/download-received-attachment/route';
import { route as getMessage } from './delivery/get-message/route';
import { route as getPreferences } from './delivery/get-preferences/route';
import { route as getReceived } from './delivery/get-received/route';
import { route as listMessages } from './delivery/list-messages/route';
import { route as listReceived } from './delivery/list-received/route';
import { route as publishMessage } from './delivery/publish-message/route';
import { route as getHealth } from './health/get-health/route';
import { route as getDocOpenapi } from './openapi/get-doc-openapi/route';
import { route as getOpenapi } from './openapi/get-openapi/route';
import { route as downloadAttachment } from './retrieval/download-attachment/route';
import { route as getEnterprise } from './retrieval/get-enterprise/route';
import { route as getInboxMessage } from './retrieval/get-inbox-message/route';
import { route as getMe } from './retrieval/get-me/route';
import { route as getSent } from './retrieval/get-sent/route';
import { route as listInbox } from './retrieval/list-inbox/route';
import { route as listSenders } from './retrieval/list-senders/route';
import { route as listSent } from './retrieval/list-sent/route';
import { route as patchEnterprise } from './retrieval/patch-enterprise/route';
import { route as patchInboxMessage } from './retrieval/patch-inbox-message/route';
import { route as postReply } from './retrieval/post-reply/route';
import { route as postSent } from './retrieval/post-sent/route';

/** A route as the stack and the local gateway need it: its contract, and its handler module. */
export interface RouteDefinition extends RouteContract {
  /** The handler module from the repository root (`functions/<family>/<route>/handler.ts`); it exports `handler`. */
  handler: string;
  /** `jwt`: the handler requires a bearer access token (and verifies it); `none`: public. */
  auth: 'jwt' | 'none';
}

/** A route folder's contract, with the handler module beside it. */
const at = (folder: string, contract: RouteContract): RouteDefinition => ({
  ...contract,
  handler: `functions/${folder}/handler.ts`,
  auth: contract.security === 'public' ? 'none' : 'jwt',
});

/**
 * Every HTTP route, once, from the contracts of the route folders: the CDK stack makes a Lambda
 * function (with the grants its contract asks for) and an API Gateway route of each, the local
 * gateway serves them, the OpenAPI document describes them, and the tenant-isolation tests walk
 * them all.
 */
export const ROUTES: readonly RouteDefinition[] = [
  at('health/get-health', getHealth),
  at('openapi/get-doc-openapi', getDocOpenapi),
  at('openapi/get-openapi', getOpenapi),
  // Admin (ops)
  at('admin/put-sender', putSender),
  at('admin/put-client', putClient),
  at('admin/put-enterprise', putEnterprise),
  // Delivery (institutions)
  at('delivery/publish-message', publishMessage),
  at('delivery/list-messages', listMessages),
  at('delivery/get-message', getMessage),
  at('delivery/create-upload', createUpload),
  at('delivery/get-preferences', getPreferences),
  at('delivery/list-received', listReceived),
  at('delivery/get-received', getReceived),
  at('delivery/download-received-attachment', downloadReceivedAttachment),
  // Retrieval (companies)
  at('retrieval/get-me', getMe),
  at('retrieval/list-senders', listSenders),
  at('retrieval/get-enterprise', getEnterprise),
  at('retrieval/patch-enterprise', patchEnterprise),
  at('retrieval/list-inbox', listInbox),
  at('retrieval/get-inbox-message', getInboxMessage),
  at('retrieval/patch-inbox-message', patchInboxMessage),
  at('retrieval/download-attachment', downloadAttachment),
  at('retrieval/post-reply', postReply),
  at('retrieval/post-sent', postSent),
  at('retrieval/list-sent', listSent),
  at('retrieval/get-sent', getSent),
  // Access management (access managers)
  at('access/list-access', listAccess),
  at('access/put-access', putAccess),
  at('access/delete-access', deleteAccess),
  at('access/list-audit', listAudit),
];
