import type { Sender } from '../domain/sender';
import type { Ports } from '../ports';

/** The institutions that publish in the e-Box: public knowledge for every caller the route admits. */
export async function listSenders(deps: Pick<Ports, 'senders'>): Promise<Sender[]> {
  return deps.senders.list();
}
