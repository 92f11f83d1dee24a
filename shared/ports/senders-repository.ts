import type { Sender } from '../domain/sender';

/** Institutions and their document types. */
export interface SendersRepository {
  put(sender: Sender): Promise<void>;
  get(senderId: string): Promise<Sender | undefined>;
  /** Every institution (a few hundred at most). */
  list(): Promise<Sender[]>;
}
