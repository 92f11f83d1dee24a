import { EXPIRY_SHARDS, keys, ttlOf } from '../../../shared/adapters/dynamodb/keys';

const N = '0123456749';
const ids = Array.from({ length: 200 }, (_, index) => `01JD5Z3M8Q${String(index).padStart(16, '0')}`);

describe('expiry index keys', () => {
  const expiresAt = '2026-05-01T23:59:59.999Z';
  const day = expiresAt.slice(0, 10);

  it('partition by the day of expiresAt and a shard in 0..7', () => {
    const key = keys.expiry(day, ids[0] ?? '', expiresAt, N);
    expect(key.expiryPk).toMatch(/^EXP#2026-05-01#[0-7]$/);
  });

  it('sort by the expiry instant first, then company and message', () => {
    expect(keys.expiry(day, 'MSG1', expiresAt, N).expirySk).toBe(`${expiresAt}#${N}#MSG1`);
  });

  it('keep sort keys in expiry order within a partition (the warning job reads a range of instants)', () => {
    const instants = ['2026-05-01T00:00:00.000Z', '2026-05-01T09:30:00.000Z', '2026-05-01T09:30:00.001Z', '2026-05-01T23:59:59.999Z'];
    const sortKeys = instants.map((instant, index) => keys.expiry(day, `M${3 - index}`, instant, index % 2 ? '0987654321' : N).expirySk);
    expect([...sortKeys].sort()).toEqual(sortKeys);
  });

  it('give a message the same shard every time', () => {
    for (const id of ids.slice(0, 20)) expect(keys.expiry(day, id, expiresAt, N).expiryPk).toBe(keys.expiry(day, id, expiresAt, '0987654321').expiryPk);
  });

  it('spread messages over all shards, always within 0..EXPIRY_SHARDS-1', () => {
    const shards = new Set(ids.map((id) => Number(keys.expiry(day, id, expiresAt, N).expiryPk.split('#')[2])));
    expect(EXPIRY_SHARDS).toBe(8);
    for (const shard of shards) {
      expect(Number.isInteger(shard)).toBe(true);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(EXPIRY_SHARDS);
    }
    expect(shards.size).toBe(EXPIRY_SHARDS);
  });

  it('expiryPartitions(day) lists the 8 partitions of that day, one per shard', () => {
    expect(keys.expiryPartitions('2026-05-01')).toEqual([
      'EXP#2026-05-01#0',
      'EXP#2026-05-01#1',
      'EXP#2026-05-01#2',
      'EXP#2026-05-01#3',
      'EXP#2026-05-01#4',
      'EXP#2026-05-01#5',
      'EXP#2026-05-01#6',
      'EXP#2026-05-01#7',
    ]);
  });

  it('every key a message gets is among the partitions the job reads for that day', () => {
    const partitions = new Set(keys.expiryPartitions(day));
    for (const id of ids) expect(partitions.has(keys.expiry(day, id, expiresAt, N).expiryPk)).toBe(true);
  });
});

describe('ttlOf', () => {
  it('gives epoch seconds, not milliseconds', () => {
    expect(ttlOf('2026-05-01T10:00:00.000Z')).toBe(Date.UTC(2026, 4, 1, 10) / 1000);
    expect(ttlOf('2026-05-01T10:00:00.000Z')).toBeLessThan(10_000_000_000);
  });

  it('drops the milliseconds (floor)', () => {
    expect(ttlOf('2026-05-01T10:00:00.999Z')).toBe(Date.UTC(2026, 4, 1, 10) / 1000);
  });

  it('adds extra days in seconds', () => {
    expect(ttlOf('2026-05-01T10:00:00.000Z', 365)).toBe(Date.UTC(2026, 4, 1, 10) / 1000 + 365 * 86_400);
    expect(ttlOf('2026-05-01T10:00:00.000Z', 1) - ttlOf('2026-05-01T10:00:00.000Z')).toBe(86_400);
  });
});

describe('other keys used by the services', () => {
  it('put messages, grants and the audit trail in the company partition', () => {
    expect(keys.message(N, 'M1')).toEqual({ pk: `ENT#${N}`, sk: 'MSG#M1' });
    expect(keys.grant(N, '85073003328')).toMatchObject({ pk: `ENT#${N}`, sk: 'GRANT#85073003328', gsi1pk: 'PERSON#85073003328' });
    expect(keys.audit(N, 'A1')).toEqual({ pk: `ENT#${N}`, sk: 'AUDIT#A1' });
  });

  it('scope idempotency records to the sender', () => {
    expect(keys.idempotency('spf-finances', 'AVIS-1')).not.toEqual(keys.idempotency('onss', 'AVIS-1'));
  });
});
