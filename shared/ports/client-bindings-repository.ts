import type { ClientBinding } from '../domain/client-binding';

/** Which institution or company each machine client acts for. */
export interface ClientBindingsRepository {
  put(binding: ClientBinding): Promise<void>;
  /**
   * Strongly consistent, but the container may keep what it read for up to a minute (docs/data-model.md,
   * "Cached reads"): a new binding applies at once, a changed or removed one within that minute.
   */
  get(clientId: string): Promise<ClientBinding | undefined>;
}
