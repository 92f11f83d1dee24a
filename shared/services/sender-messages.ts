import { NotFoundError } from '../domain/errors';
import type { Delivery } from '../domain/message';
import type { Ports } from '../ports';

type Deps = Pick<Ports, 'messages'>;

/** An institution sees only what it published: another sender's message is a 404. */
export async function getSentMessage(deps: Deps, senderId: string, messageId: string): Promise<Delivery> {
  const delivery = await deps.messages.getDelivery(messageId);
  if (!delivery || delivery.senderId !== senderId) throw new NotFoundError(`No message ${messageId} was published by ${senderId}`);
  return delivery;
}

/** The sender's messages, newest first; with an externalId, the one message published under it. */
export async function listSentMessages(deps: Deps, senderId: string, query: { externalId?: string; pageSize: number; cursor?: string }) {
  if (query.externalId) {
    const record = await deps.messages.getIdempotency(senderId, query.externalId);
    const delivery = record ? await deps.messages.getDelivery(record.messageId) : undefined;
    return { deliveries: delivery ? [delivery] : [] };
  }
  return deps.messages.deliveriesPage(senderId, query.pageSize, query.cursor);
}
