import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { toSenderView } from '../../views';
import { listSenders } from '../../../shared/services/senders';
import { route } from './route';

/** GET /v1/senders: the institutions that publish in the e-Box (the "Senders" page). */
export const handler = routeHandler(route, async () => {
  const senders = await listSenders(container());
  return ok({ items: senders.map(toSenderView) });
});
