import type { ClientBinding } from '../../domain/client-binding';
import type { Sender } from '../../domain/sender';
import type { ClientBindingsRepository } from '../../ports/client-bindings-repository';
import type { SendersRepository } from '../../ports/senders-repository';

/**
 * How long a container keeps a client binding or a sender it read (docs/data-model.md, "Cached
 * reads"): ops change them rarely, and every publication reads both.
 */
const CACHE_MS = 60_000;

/**
 * Values found, kept `ttlMs` in this container (the promise, so concurrent requests share one
 * read). Absence is not kept: what ops register applies at once, only changes and removals wait.
 */
class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V | undefined>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const cached = this.entries.get(key);
    if (cached && cached.until > this.now()) return cached.value;
    const value = load();
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    value.then(
      (found) => {
        if (found === undefined && this.entries.get(key)?.value === value) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key);
      },
    );
    return value;
  }

  /** After a write through this container: its own next read sees the change. */
  forget(key: string): void {
    this.entries.delete(key);
  }
}

/** Client bindings, read through a short cache; a binding written here is read again. */
export class CachedClientBindings implements ClientBindingsRepository {
  private readonly cache: TtlCache<ClientBinding>;

  constructor(
    private readonly inner: ClientBindingsRepository,
    ttlMs = CACHE_MS,
    now?: () => number,
  ) {
    this.cache = new TtlCache(ttlMs, now);
  }

  async put(binding: ClientBinding): Promise<void> {
    this.cache.forget(binding.clientId);
    await this.inner.put(binding);
    this.cache.forget(binding.clientId);
  }

  get(clientId: string): Promise<ClientBinding | undefined> {
    return this.cache.get(clientId, () => this.inner.get(clientId));
  }
}

/** Senders, read one by one through a short cache; the list is always read afresh. */
export class CachedSenders implements SendersRepository {
  private readonly cache: TtlCache<Sender>;

  constructor(
    private readonly inner: SendersRepository,
    ttlMs = CACHE_MS,
    now?: () => number,
  ) {
    this.cache = new TtlCache(ttlMs, now);
  }

  async put(sender: Sender): Promise<void> {
    this.cache.forget(sender.senderId);
    await this.inner.put(sender);
    this.cache.forget(sender.senderId);
  }

  get(senderId: string): Promise<Sender | undefined> {
    return this.cache.get(senderId, () => this.inner.get(senderId));
  }

  list(): Promise<Sender[]> {
    return this.inner.list();
  }
}
