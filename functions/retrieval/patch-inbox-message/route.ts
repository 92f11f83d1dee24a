import { SCOPES } from '../../../shared/domain/roles';
import { defineRoute } from '../../../shared/http/route-contract';
import { NO_ACCESS } from '../../error-notes';
import { messageSummaryView } from '../../views';
import { messageParams } from '../enterprise-params';
import { body as patchInboxMessageBody } from './schema';

/** PATCH /v1/enterprises/{enterpriseNumber}/messages/{messageId} */
export const route = defineRoute({
  method: 'PATCH',
  path: '/v1/enterprises/{enterpriseNumber}/messages/{messageId}',
  summary: 'Mark a message read or unread',
  description:
    "Sets the company's read mark. Marking read here does not count as a read for the institution (firstReadAt); marking unread is allowed at any time. Each change is audited.",
  tag: 'Retrieval',
  security: [SCOPES.read],
  params: messageParams,
  body: patchInboxMessageBody,
  responses: [{ status: 200, description: 'The message summary after the change', schema: messageSummaryView }],
  errors: [400, 401, 403, 404, 410],
  errorNotes: { 403: NO_ACCESS, 404: "resourceNotFound: no such message in this company's e-Box", 410: 'documentExpired: the message expired and was deleted' },
  touches: { table: { access: 'readWrite', partitions: ['CLIENT#', 'ENT#', 'MSG#'] } },
});
