import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { download } from '../../../shared/http/responses';
import { downloadAttachment } from '../../../shared/services/inbox';
import { route } from './route';

/** GET …/attachments/{attachmentId}/content: 302 to a short-lived URL (or the link as JSON), with the recorded digest. */
export const handler = routeHandler(route, async ({ caller, params, event }) => {
  const link = await downloadAttachment(container(), caller, params.enterpriseNumber, params.messageId, params.attachmentId);
  return download(link, event.headers?.accept);
});
