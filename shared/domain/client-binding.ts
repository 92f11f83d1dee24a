/** A machine client, bound by ops to the institution it publishes for or to the company whose mailbox it reads. */
export interface ClientBinding {
  clientId: string;
  senderId?: string;
  enterpriseNumber?: string;
}
