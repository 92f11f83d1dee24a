import type { ClientBinding } from '../domain/client-binding';

/** Which institution or company each machine client acts for. */
export interface ClientBindingsRepository {
  put(binding: ClientBinding): Promise<void>;
  /** Strongly consistent: a changed binding applies to the very next request. */
  get(clientId: string): Promise<ClientBinding | undefined>;
}
