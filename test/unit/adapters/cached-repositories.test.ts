import { CachedClientBindings, CachedSenders } from '../../../shared/adapters/dynamodb/cached-repositories';
import type { Sender } from '../../../shared/domain/sender';
import { FakeClientBindings } from '../fakes/enterprises';
import { FakeSenders } from '../fakes/publishing';

/** A clock for the cache, moved by hand. */
const clock = () => {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

/** Counts the reads that reach the repository behind the cache. */
function counted(bindings: FakeClientBindings) {
  const reads: string[] = [];
  const get = bindings.get.bind(bindings);
  bindings.get = (clientId: string) => {
    reads.push(clientId);
    return get(clientId);
  };
  return reads;
}

describe('CachedClientBindings', () => {
  it('reads a binding once per minute, then again', async () => {
    const time = clock();
    const inner = new FakeClientBindings().bind({ clientId: 'onss', senderId: 'onss' });
    const reads = counted(inner);
    const cached = new CachedClientBindings(inner, 60_000, time.now);
    await expect(Promise.all([cached.get('onss'), cached.get('onss')])).resolves.toEqual([
      { clientId: 'onss', senderId: 'onss' },
      { clientId: 'onss', senderId: 'onss' },
    ]);
    time.advance(59_999);
    await cached.get('onss');
    expect(reads).toEqual(['onss']);
    inner.bind({ clientId: 'onss', senderId: 'rsz' }); // changed by ops through another container
    time.advance(1);
    await expect(cached.get('onss')).resolves.toEqual({ clientId: 'onss', senderId: 'rsz' });
    expect(reads).toEqual(['onss', 'onss']);
  });

  it('keeps no absence: a binding registered meanwhile applies at once', async () => {
    const inner = new FakeClientBindings();
    const cached = new CachedClientBindings(inner, 60_000, clock().now);
    await expect(cached.get('new-client')).resolves.toBeUndefined();
    inner.bind({ clientId: 'new-client', enterpriseNumber: '0123456749' });
    await expect(cached.get('new-client')).resolves.toEqual({ clientId: 'new-client', enterpriseNumber: '0123456749' });
  });

  it('keeps no failure', async () => {
    const inner = new FakeClientBindings().bind({ clientId: 'onss', senderId: 'onss' });
    const get = inner.get.bind(inner);
    inner.get = async () => {
      inner.get = get;
      throw new Error('ProvisionedThroughputExceededException');
    };
    const cached = new CachedClientBindings(inner, 60_000, clock().now);
    await expect(cached.get('onss')).rejects.toThrow('ProvisionedThroughputExceededException');
    await expect(cached.get('onss')).resolves.toEqual({ clientId: 'onss', senderId: 'onss' });
  });

  it('reads again what it wrote itself', async () => {
    const inner = new FakeClientBindings().bind({ clientId: 'onss', senderId: 'onss' });
    const cached = new CachedClientBindings(inner, 60_000, clock().now);
    await cached.get('onss');
    await cached.put({ clientId: 'onss', senderId: 'rsz' });
    await expect(cached.get('onss')).resolves.toEqual({ clientId: 'onss', senderId: 'rsz' });
  });
});

describe('CachedSenders', () => {
  const sender = (validityDays: number): Sender => ({
    senderId: 'onss',
    name: { fr: 'ONSS' },
    level: 'FEDERAL',
    acceptsMessages: true,
    documentTypes: [{ code: 'TAX_NOTICE', name: { fr: 'Avis' }, validityDays }],
  });

  it('keeps a sender a minute, reads it again after its own put, and always lists afresh', async () => {
    const time = clock();
    const inner = new FakeSenders().add(sender(180));
    const cached = new CachedSenders(inner, 60_000, time.now);
    await cached.get('onss');
    inner.add(sender(90)); // another container's change
    await expect(cached.get('onss')).resolves.toEqual(sender(180));
    await expect(cached.list()).resolves.toEqual([sender(90)]);
    await cached.put(sender(30));
    await expect(cached.get('onss')).resolves.toEqual(sender(30));
    inner.add(sender(10));
    time.advance(60_000);
    await expect(cached.get('onss')).resolves.toEqual(sender(10));
  });
});
