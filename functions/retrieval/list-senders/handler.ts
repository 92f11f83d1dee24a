import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { toSenderView } from '../../views';

/** GET /v1/senders: the institutions that publish in the e-Box (the "Senders" page). */
export const handler = apiHandler({ scopes: [SCOPES.read, SCOPES.publish] }, async () => {
  const senders = await container().senders.list();
  return ok({ items: senders.map(toSenderView) });
});
