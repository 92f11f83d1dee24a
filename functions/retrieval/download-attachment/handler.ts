import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { redirect } from '../../../shared/http/responses';
import { downloadAttachment } from '../../../shared/services/inbox';
import { attachmentParams as params } from '../enterprise-params';

/** GET …/attachments/{attachmentId}/content: 302 to a short-lived URL, with the recorded digest. */
export const handler = apiHandler({ scopes: [SCOPES.read], params }, async ({ caller, params }) => {
  const { url, sha256 } = await downloadAttachment(container(), caller, params.enterpriseNumber, params.messageId, params.attachmentId);
  return redirect(url, { 'Repr-Digest': `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:` });
});
