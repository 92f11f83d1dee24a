import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { putSender } from '../../../shared/services/admin';
import { toSenderView } from '../../views';
import { route } from './route';

/** PUT /v1/admin/senders/{senderId}: create or replace an institution and its document types. */
export const handler = routeHandler(route, async ({ params, body }) => ok(toSenderView(await putSender(container(), { senderId: params.senderId, ...body }))));
