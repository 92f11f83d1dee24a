import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { download } from '../../../shared/http/responses';
import { receivedAttachmentUrl } from '../../../shared/services/company-messages';
import { route } from './route';

/** GET /v1/received/{companyMessageId}/attachments/{attachmentId}/content: 302 to a short-lived URL (or the link as JSON), with the digest. */
export const handler = routeHandler(route, async ({ caller, params, event }) => {
  const deps = container();
  const link = await receivedAttachmentUrl(deps, caller, params.companyMessageId, params.attachmentId);
  return download(link, event.headers?.accept);
});
