import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { download } from '../../../shared/http/responses';
import { downloadAttachment } from '../../../shared/services/inbox';
import { attachmentParams as params } from '../enterprise-params';

/** GET …/attachments/{attachmentId}/content: 302 to a short-lived URL (or the link as JSON), with the recorded digest. */
export const handler = apiHandler({ scopes: [SCOPES.read], params }, async ({ caller, params, event }) => {
  const link = await downloadAttachment(container(), caller, params.enterpriseNumber, params.messageId, params.attachmentId);
  return download(link, event.headers?.accept);
});
