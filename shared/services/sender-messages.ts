import { NotFoundError } from '../domain/errors';
import type { Delivery } from '../domain/message';
import type { Caller } from '../domain/caller';
import type { Ports } from '../ports';
import { authorizeInstitution } from './access-control';

type Deps = Pick<Ports, 'messages' | 'clientBindings'>;

/** An institution sees only what it published: another sender's message is a 404. */
export async function getSentMessage(deps: Deps, caller: Caller, messageId: string): Promise<Delivery> {
  const { senderId } = await authorizeInstitution(deps, caller);
  const delivery = await deps.messages.getDelivery(messageId);
  if (!delivery || delivery.senderId !== senderId) throw new NotFoundError(`No message ${messageId} was published by ${senderId}`);
  return delivery;
}

/** The sender's messages, newest first; with an externalId, the one message published under it. */
export async function listSentMessages(deps: Deps, caller: Caller, query: { externalId?: string; pageSize: number; cursor?: string }) {
  const { senderId } = await authorizeInstitution(deps, caller);
  if (query.externalId) {
    const record = await deps.messages.getIdempotency(senderId, query.externalId);
    const delivery = record ? await deps.messages.getDelivery(record.messageId) : undefined;
    return { deliveries: delivery ? [delivery] : [] };
  }
  return deps.messages.deliveriesPage(senderId, query.pageSize, query.cursor);
}
