import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { putSender } from '../../../shared/services/admin';
import { toSenderView } from '../../views';
import { body, params } from './schema';

/** PUT /v1/admin/senders/{senderId}: create or replace an institution and its document types. */
export const handler = apiHandler({ scopes: [SCOPES.admin], params, body }, async ({ params, body }) =>
  ok(toSenderView(await putSender(container(), { senderId: params.senderId, ...body }))),
);
