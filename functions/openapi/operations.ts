import { z } from 'zod';
import { ROLES, SCOPES, type Scope } from '../../shared/domain/roles';
import type { Problem } from '../../shared/http/problem';
import { pagedQuery } from '../../shared/http/query';
import type { whoAmI } from '../../shared/services/access-management';
import type { getPreferences } from '../../shared/services/enterprise-profile';
import { query as listAuditQuery } from '../access/list-audit/schema';
import { body as putAccessBody, params as accessParams } from '../access/put-access/schema';
import { body as putClientBody, params as putClientParams, response as clientBindingView } from '../admin/put-client/schema';
import { body as putEnterpriseBody, params as putEnterpriseParams } from '../admin/put-enterprise/schema';
import { body as putSenderBody, params as putSenderParams } from '../admin/put-sender/schema';
import { body as createUploadBody, response as uploadView } from '../delivery/create-upload/schema';
import { params as getMessageParams } from '../delivery/get-message/schema';
import { attachmentParams as receivedAttachmentParams, params as receivedParams } from '../delivery/get-received/schema';
import { params as sentParams } from '../retrieval/get-sent/schema';
import { query as listMessagesQuery } from '../delivery/list-messages/schema';
import { body as publishMessageBody } from '../delivery/publish-message/schema';
import { attachmentParams, enterpriseParams, messageParams } from '../retrieval/enterprise-params';
import { query as listInboxQuery } from '../retrieval/list-inbox/schema';
import { body as patchEnterpriseBody } from '../retrieval/patch-enterprise/schema';
import { body as patchInboxMessageBody } from '../retrieval/patch-inbox-message/schema';
import { body as postReplyBody } from '../retrieval/post-reply/schema';
import { body as postSentBody } from '../retrieval/post-sent/schema';
import { auditView, deliveryView, downloadLinkView, grantView, messageDetailView, messageSummaryView, outgoingView, pageOf, profileView, senderView } from '../views';

/**
 * What the OpenAPI document says about each route of ROUTES, keyed `METHOD path`. The request
 * schemas are the very ones the handlers validate with (imported from their schema modules), so
 * the contract cannot drift from the code; a route without an entry here fails the unit tests.
 */

/** Refusals an operation may answer with (problem+json); 500 applies to every operation. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415;

export type Tag = 'Service' | 'Admin' | 'Delivery' | 'Retrieval' | 'Access management';

export const TAGS: Readonly<Record<Tag, string>> = {
  Service: 'Health and the contract itself (no token)',
  Admin: 'Institutions, machine clients and companies, for the e-Box operators (scope ebox/admin)',
  Delivery: 'Publishing to companies, for institutions\' back offices (a client bound to a sender, scope ebox/publish)',
  Retrieval: 'A company\'s e-Box, for its people (with a grant) and its own systems (scope ebox/read)',
  'Access management': 'Who may open a company\'s e-Box, for its access managers (scope ebox/read)',
};

/** Response headers the document describes (components/headers). */
export type ResponseHeader = 'Location' | 'Repr-Digest' | 'Cache-Control';

export interface SuccessResponse {
  status: 200 | 201 | 204 | 302;
  description: string;
  /** The JSON body (io 'output'); none for 204 and 302. */
  schema?: z.ZodType;
  headers?: readonly ResponseHeader[];
}

export interface OperationSpec {
  summary: string;
  description?: string;
  tag: Tag;
  /** The scopes of which the access token must carry one (bearer JWT); `public` outside the authorizer. */
  security: 'public' | readonly Scope[];
  /** Path parameters: a zod object, one property per `{name}` of the path (io 'input'). */
  params?: z.ZodType;
  /** Query parameters: a zod object (io 'input'). */
  query?: z.ZodType;
  /** The JSON request body (io 'input'). */
  body?: z.ZodType;
  responses: readonly [SuccessResponse, ...SuccessResponse[]];
  errors: readonly ErrorStatus[];
  /** What a refusal means for this operation, where the generic text of its status says too little. */
  errorNotes?: Partial<Record<ErrorStatus, string>>;
}

// ---------------------------------------------------------------------------------------------
// Response shapes that functions/views.ts does not hold (yet).

const issueSchema = z
  .object({
    type: z.string().meta({ example: 'urn:problem-type:belgif:input-validation:schemaViolation' }),
    title: z.string(),
    in: z.enum(['body', 'query', 'path', 'header']),
    name: z.string().meta({ description: 'The field\'s path', example: 'attachments[0].contentBase64' }),
    value: z.unknown().optional(),
    detail: z.string(),
  })
  .meta({ id: 'InputValidationIssue' });

/** RFC 9457 problem details with the belgif extensions (shared/http/problem.ts). */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'urn:problem-type:belgif:<name> or urn:problem-type:ebox:<name>', example: 'urn:problem-type:belgif:resourceNotFound' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    issues: z.array(issueSchema).optional().meta({ description: 'badRequest: one entry per offending input' }),
    requiredScopes: z.array(z.string()).optional().meta({ description: 'missingScope: the token needs one of these' }),
    expiredAt: z.string().optional().meta({ format: 'date-time', description: 'documentExpired: when the document expired' }),
  })
  .meta({ id: 'Problem' });

const healthView = z.object({ status: z.literal('UP') }).meta({ id: 'Health' });

const openApiView = z
  .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
  .meta({ id: 'OpenApiDocument', description: 'This document (OpenAPI 3.1)' });

const personMeView = z
  .object({
    ssin: z.string(),
    name: z.string(),
    enterprises: z.array(z.object({ enterpriseNumber: z.string(), name: z.string(), role: z.enum(ROLES) })),
  })
  .meta({ id: 'PersonIdentity' });

const clientMeView = z
  .object({
    clientId: z.string(),
    senderId: z.string().optional(),
    enterprises: z.array(z.object({ enterpriseNumber: z.string(), name: z.string().optional() })),
  })
  .meta({ id: 'ClientIdentity' });

const meView = z.union([personMeView, clientMeView]).meta({ id: 'Me', description: 'A person (ssin claim) or a machine client (client_id claim)' });

const preferencesView = z
  .object({ enterpriseNumber: z.string(), digitalOnly: z.boolean(), digitalOnlySince: z.string().meta({ format: 'date-time' }).optional() })
  .meta({ id: 'Preferences' });

const senderList = z.object({ items: z.array(senderView) }).meta({ id: 'SenderList' });
const grantList = z.object({ items: z.array(grantView) }).meta({ id: 'GrantList' });
const sentMessagePage = pageOf(deliveryView, 'SentMessagePage');
const messageSummaryPage = pageOf(messageSummaryView, 'MessageSummaryPage');
const auditPage = pageOf(auditView, 'AuditPage');
const companyMessagePage = pageOf(outgoingView, 'CompanyMessagePage');

/** Compile-time proof that values of `Actual` fit the documented shape `Documented`. */
export type Fits<Actual extends Documented, Documented> = [Actual, Documented];
/** The documented shapes accept what the code returns (and the Problem schema is exactly Problem). */
export type DocumentedShapesFit = [
  Fits<Problem, z.output<typeof problemSchema>>,
  Fits<z.output<typeof problemSchema>, Problem>,
  Fits<Awaited<ReturnType<typeof whoAmI>>, z.output<typeof meView>>,
  Fits<Awaited<ReturnType<typeof getPreferences>>, z.output<typeof preferencesView>>,
];

// ---------------------------------------------------------------------------------------------

const admin = [SCOPES.admin] as const;
const publish = [SCOPES.publish] as const;
const read = [SCOPES.read] as const;

const NOT_AN_INSTITUTION = 'missingScope, or missingPermission: the caller is not a machine client bound to an institution';
const NO_ACCESS = 'missingScope, or missingPermission: the caller has no grant on this company (or is a client bound to another one)';
const NO_PERSON_ACCESS = 'missingScope, or missingPermission: only a person with a grant on this company may write for it (machine clients may not)';
const NOT_ACCESS_MANAGER = 'missingScope, or missingPermission: only the company\'s access managers may do this';

export const OPERATIONS: Readonly<Record<string, OperationSpec>> = {
  'GET /health': {
    summary: 'Health check',
    description: 'belgif health format; answers as soon as the function runs.',
    tag: 'Service',
    security: 'public',
    responses: [{ status: 200, description: 'The service is up', schema: healthView }],
    errors: [],
  },
  'GET /openapi.json': {
    summary: 'This OpenAPI document',
    description: 'Generated from the zod schemas the handlers validate with.',
    tag: 'Service',
    security: 'public',
    responses: [{ status: 200, description: 'The OpenAPI 3.1 document', schema: openApiView }],
    errors: [],
  },

  // Admin
  'PUT /v1/admin/senders/{senderId}': {
    summary: 'Create or replace an institution',
    description: 'An institution (sender) and the document types it publishes.',
    tag: 'Admin',
    security: admin,
    params: putSenderParams,
    body: putSenderBody,
    responses: [{ status: 200, description: 'The institution as stored', schema: senderView }],
    errors: [400, 401, 403],
  },
  'PUT /v1/admin/clients/{clientId}': {
    summary: 'Bind a machine client',
    description: 'Binds a client either to an institution (its back office publishes) or to a company (its own system reads).',
    tag: 'Admin',
    security: admin,
    params: putClientParams,
    body: putClientBody,
    responses: [{ status: 200, description: 'The binding', schema: clientBindingView }],
    errors: [400, 401, 403],
    errorNotes: { 400: 'badRequest; referencedResourceNotFound when the institution is not registered' },
  },
  'PUT /v1/admin/enterprises/{enterpriseNumber}': {
    summary: 'Register a company',
    description: 'Registers a company and grants ACCESS_MANAGER to the people listed.',
    tag: 'Admin',
    security: admin,
    params: putEnterpriseParams,
    body: putEnterpriseBody,
    responses: [{ status: 200, description: 'The company\'s profile', schema: profileView }],
    errors: [400, 401, 403],
  },

  // Delivery
  'POST /v1/messages': {
    summary: 'Publish a message to a company',
    description:
      'Attachments are PDFs, inline (at most 4 MiB decoded in total) or uploaded first with POST /v1/uploads (at most 50 MiB each). ' +
      'The same externalId again with the same content returns the original message (200) without publishing it twice.',
    tag: 'Delivery',
    security: publish,
    body: publishMessageBody,
    responses: [
      { status: 201, description: 'Published', schema: deliveryView, headers: ['Location'] },
      { status: 200, description: 'Already published with this externalId and the same content: the original message', schema: deliveryView, headers: ['Location'] },
    ],
    errors: [400, 401, 403, 409, 413, 415],
    errorNotes: {
      403: NOT_AN_INSTITUTION,
      409: 'externalIdConflict: the externalId was already used for a message with different content',
      413: 'payloadTooLarge: inline attachments exceed 4 MiB in total',
      415: 'unsupportedMediaType: an attachment is not a PDF',
    },
  },
  'GET /v1/messages': {
    summary: 'List the messages this institution published',
    description: 'Newest first, optionally only those with an externalId.',
    tag: 'Delivery',
    security: publish,
    query: listMessagesQuery,
    responses: [{ status: 200, description: 'A page of messages', schema: sentMessagePage }],
    errors: [400, 401, 403],
    errorNotes: { 403: NOT_AN_INSTITUTION },
  },
  'GET /v1/messages/{messageId}': {
    summary: 'Get a published message and its delivery status',
    tag: 'Delivery',
    security: publish,
    params: getMessageParams,
    responses: [{ status: 200, description: 'The message with DELIVERED, READ or EXPIRED', schema: deliveryView }],
    errors: [400, 401, 403, 404],
    errorNotes: { 403: NOT_AN_INSTITUTION, 404: 'resourceNotFound: no such message, or another institution\'s' },
  },
  'POST /v1/uploads': {
    summary: 'Prepare the upload of a large PDF',
    description: 'Returns a presigned URL to PUT the bytes to; refer to uploadId in a message. Size and digest are checked at publication.',
    tag: 'Delivery',
    security: publish,
    body: createUploadBody,
    responses: [{ status: 201, description: 'Where to upload', schema: uploadView }],
    errors: [400, 401, 403],
    errorNotes: { 403: NOT_AN_INSTITUTION },
  },
  'GET /v1/enterprises/{enterpriseNumber}/preferences': {
    summary: 'Whether a company receives everything digitally',
    tag: 'Delivery',
    security: publish,
    params: enterpriseParams,
    responses: [{ status: 200, description: 'The company\'s preference', schema: preferencesView }],
    errors: [400, 401, 403],
    errorNotes: { 403: NOT_AN_INSTITUTION },
  },
  'GET /v1/received': {
    summary: 'List what companies sent to this institution',
    description: 'Replies and messages that companies sent to this institution, newest first.',
    tag: 'Delivery',
    security: publish,
    query: pagedQuery,
    responses: [{ status: 200, description: 'A page of company messages', schema: companyMessagePage }],
    errors: [400, 401, 403],
    errorNotes: { 403: NOT_AN_INSTITUTION },
  },
  'GET /v1/received/{id}': {
    summary: 'Get a message a company sent to this institution',
    tag: 'Delivery',
    security: publish,
    params: receivedParams,
    responses: [{ status: 200, description: 'The message, with links to its attachments', schema: outgoingView }],
    errors: [400, 401, 403, 404, 410],
    errorNotes: { 403: NOT_AN_INSTITUTION, 404: 'resourceNotFound: no such message, or one addressed to another institution', 410: 'documentExpired: the message expired (a reply with the message it answers, a company message after a year); it is deleted soon after, then 404' },
  },
  'GET /v1/received/{id}/attachments/{attachmentId}/content': {
    summary: 'Download an attachment a company sent to this institution',
    description: 'Redirects to a short-lived presigned URL; Repr-Digest carries the SHA-256 recorded when the company sent it.',
    tag: 'Delivery',
    security: publish,
    params: receivedAttachmentParams,
    responses: [
      { status: 302, description: 'Redirect to the PDF', headers: ['Location', 'Repr-Digest', 'Cache-Control'] },
      { status: 200, description: 'With `Accept: application/json`: the link itself, for clients that cannot read a redirect (web pages)', schema: downloadLinkView, headers: ['Repr-Digest', 'Cache-Control'] },
    ],
    errors: [400, 401, 403, 404, 410],
    errorNotes: { 403: NOT_AN_INSTITUTION, 404: 'resourceNotFound: no such message or attachment for this institution', 410: 'documentExpired: the message expired (a reply with the message it answers, a company message after a year); it is deleted soon after, then 404' },
  },

  // Retrieval
  'GET /v1/me': {
    summary: 'Who am I',
    description: 'The caller and the companies whose e-Box it may open.',
    tag: 'Retrieval',
    security: read,
    responses: [{ status: 200, description: 'The caller', schema: meView }],
    errors: [401, 403],
  },
  'GET /v1/senders': {
    summary: 'List the institutions',
    description: 'The institutions that publish in the e-Box and their document types.',
    tag: 'Retrieval',
    security: [SCOPES.read, SCOPES.publish],
    responses: [{ status: 200, description: 'Every institution', schema: senderList }],
    errors: [401, 403],
  },
  'GET /v1/enterprises/{enterpriseNumber}': {
    summary: 'Get a company\'s profile',
    description: 'Notification email, language, the "everything digital" consent and the unread count.',
    tag: 'Retrieval',
    security: read,
    params: enterpriseParams,
    responses: [{ status: 200, description: 'The profile', schema: profileView }],
    errors: [400, 401, 403],
    errorNotes: { 403: NO_ACCESS },
  },
  'PATCH /v1/enterprises/{enterpriseNumber}': {
    summary: 'Change a company\'s contact preferences',
    description: 'Users and access managers may change these; each change is audited.',
    tag: 'Retrieval',
    security: read,
    params: enterpriseParams,
    body: patchEnterpriseBody,
    responses: [{ status: 200, description: 'The profile after the change', schema: profileView }],
    errors: [400, 401, 403, 404],
    errorNotes: { 403: `${NO_ACCESS}; machine clients may read the profile but not change it`, 404: 'resourceNotFound: the company is not registered' },
  },
  'GET /v1/enterprises/{enterpriseNumber}/messages': {
    summary: 'List a company\'s messages',
    description: 'Newest first; the filters combine with AND. Expired messages never appear.',
    tag: 'Retrieval',
    security: read,
    params: enterpriseParams,
    query: listInboxQuery,
    responses: [{ status: 200, description: 'A page of message summaries', schema: messageSummaryPage }],
    errors: [400, 401, 403],
    errorNotes: { 403: NO_ACCESS },
  },
  'GET /v1/enterprises/{enterpriseNumber}/messages/{messageId}': {
    summary: 'Read a message',
    description: 'Audited; for a registered message the first read is its proof of receipt.',
    tag: 'Retrieval',
    security: read,
    params: messageParams,
    responses: [{ status: 200, description: 'The message with its attachments and replies', schema: messageDetailView }],
    errors: [400, 401, 403, 404, 410],
    errorNotes: { 403: NO_ACCESS, 404: 'resourceNotFound: no such message in this company\'s e-Box', 410: 'documentExpired: the message expired and was deleted' },
  },
  'PATCH /v1/enterprises/{enterpriseNumber}/messages/{messageId}': {
    summary: 'Mark a message read or unread',
    tag: 'Retrieval',
    security: read,
    params: messageParams,
    body: patchInboxMessageBody,
    responses: [{ status: 200, description: 'The message summary after the change', schema: messageSummaryView }],
    errors: [400, 401, 403, 404, 410],
    errorNotes: { 403: NO_ACCESS, 404: 'resourceNotFound: no such message in this company\'s e-Box', 410: 'documentExpired: the message expired and was deleted' },
  },
  'GET /v1/enterprises/{enterpriseNumber}/messages/{messageId}/attachments/{attachmentId}/content': {
    summary: 'Download an attachment',
    description:
      'Redirects to a short-lived presigned URL that never outlives the document; Repr-Digest carries the SHA-256 recorded at publication. ' +
      'With `Accept: application/json` the answer is the link itself (200). Marks the message read and is audited; the first read or download is the sender\'s proof of receipt (firstReadAt).',
    tag: 'Retrieval',
    security: read,
    params: attachmentParams,
    responses: [
      { status: 302, description: 'Redirect to the PDF', headers: ['Location', 'Repr-Digest', 'Cache-Control'] },
      { status: 200, description: 'With `Accept: application/json`: the link itself, for clients that cannot read a redirect (web pages)', schema: downloadLinkView, headers: ['Repr-Digest', 'Cache-Control'] },
    ],
    errors: [400, 401, 403, 404, 410],
    errorNotes: { 403: NO_ACCESS, 404: 'resourceNotFound: no such message or attachment in this company\'s e-Box', 410: 'documentExpired: the message expired and was deleted' },
  },
  'POST /v1/enterprises/{enterpriseNumber}/messages/{messageId}/replies': {
    summary: 'Reply to a message',
    description: 'Only to a replyable message that has not expired; attachments are inline PDFs (at most 4 MiB decoded in total).',
    tag: 'Retrieval',
    security: read,
    params: messageParams,
    body: postReplyBody,
    responses: [{ status: 201, description: 'Sent to the institution', schema: outgoingView, headers: ['Location'] }],
    errors: [400, 401, 403, 404, 409, 410, 413, 415],
    errorNotes: {
      403: NO_PERSON_ACCESS,
      404: 'resourceNotFound: no such message in this company\'s e-Box',
      409: 'notReplyable: the institution does not accept replies to this message',
      410: 'documentExpired: the message expired and can no longer be answered',
      413: 'payloadTooLarge: inline attachments exceed 4 MiB in total',
      415: 'unsupportedMediaType: an attachment is not a PDF',
    },
  },
  'POST /v1/enterprises/{enterpriseNumber}/sent': {
    summary: 'Send a message to an institution',
    description: 'Only to institutions that accept messages; attachments are inline PDFs (at most 4 MiB decoded in total).',
    tag: 'Retrieval',
    security: read,
    params: enterpriseParams,
    body: postSentBody,
    responses: [{ status: 201, description: 'Sent to the institution', schema: outgoingView, headers: ['Location'] }],
    errors: [400, 401, 403, 409, 413, 415],
    errorNotes: {
      400: 'badRequest; referencedResourceNotFound when no institution `to` is registered',
      403: NO_PERSON_ACCESS,
      409: 'messagesNotAccepted: the institution does not accept messages from companies',
      413: 'payloadTooLarge: inline attachments exceed 4 MiB in total',
      415: 'unsupportedMediaType: an attachment is not a PDF',
    },
  },
  'GET /v1/enterprises/{enterpriseNumber}/sent': {
    summary: 'List what a company sent',
    description: 'Replies and messages to institutions, newest first.',
    tag: 'Retrieval',
    security: read,
    params: enterpriseParams,
    query: pagedQuery,
    responses: [{ status: 200, description: 'A page of company messages', schema: companyMessagePage }],
    errors: [400, 401, 403],
    errorNotes: { 403: NO_ACCESS },
  },
  'GET /v1/enterprises/{enterpriseNumber}/sent/{id}': {
    summary: 'Get a reply or message the company sent',
    tag: 'Retrieval',
    security: read,
    params: sentParams,
    responses: [{ status: 200, description: 'The message the company sent', schema: outgoingView }],
    errors: [400, 401, 403, 404, 410],
    errorNotes: { 403: NO_ACCESS, 404: 'resourceNotFound: the company sent no such message', 410: 'documentExpired: the message expired (a reply with the message it answers, a company message after a year); it is deleted soon after, then 404' },
  },

  // Access management
  'GET /v1/enterprises/{enterpriseNumber}/access': {
    summary: 'List who has access to a company\'s e-Box',
    tag: 'Access management',
    security: read,
    params: enterpriseParams,
    responses: [{ status: 200, description: 'Every grant', schema: grantList }],
    errors: [400, 401, 403],
    errorNotes: { 403: NOT_ACCESS_MANAGER },
  },
  'PUT /v1/enterprises/{enterpriseNumber}/access/{ssin}': {
    summary: 'Grant a person USER access',
    description: 'ACCESS_MANAGER grants come from the admin API only.',
    tag: 'Access management',
    security: read,
    params: accessParams,
    body: putAccessBody,
    responses: [
      { status: 201, description: 'Granted', schema: grantView, headers: ['Location'] },
      { status: 200, description: 'The existing grant, updated', schema: grantView },
    ],
    errors: [400, 401, 403],
    errorNotes: { 403: `${NOT_ACCESS_MANAGER}; and none may grant or change ACCESS_MANAGER here` },
  },
  'DELETE /v1/enterprises/{enterpriseNumber}/access/{ssin}': {
    summary: 'Revoke a person\'s USER access',
    description: 'Effective on the person\'s very next request.',
    tag: 'Access management',
    security: read,
    params: accessParams,
    responses: [{ status: 204, description: 'Revoked' }],
    errors: [400, 401, 403, 404],
    errorNotes: { 403: `${NOT_ACCESS_MANAGER}; access managers are revoked by the admin API only`, 404: 'resourceNotFound: the person has no access' },
  },
  'GET /v1/enterprises/{enterpriseNumber}/audit': {
    summary: 'Read a company\'s audit trail',
    description: 'Newest first.',
    tag: 'Access management',
    security: read,
    params: enterpriseParams,
    query: listAuditQuery,
    responses: [{ status: 200, description: 'A page of audit entries', schema: auditPage }],
    errors: [400, 401, 403],
    errorNotes: { 403: NOT_ACCESS_MANAGER },
  },
};
