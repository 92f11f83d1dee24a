import { counterAloneIsExact, exactUntil, INDEX_LAG_MS, MIN_VALIDITY_MS } from '../../../shared/domain/unread-count';

const NOW = new Date('2026-03-10T09:00:00.000Z');

describe('counterAloneIsExact', () => {
  it('holds strictly before the bound: at the bound a counted message may have just expired', () => {
    expect(counterAloneIsExact({ unreadCountExactUntil: '2026-03-10T09:00:00.001Z' }, NOW)).toBe(true);
    expect(counterAloneIsExact({ unreadCountExactUntil: '2026-03-10T09:00:00.000Z' }, NOW)).toBe(false);
    expect(counterAloneIsExact({}, NOW)).toBe(false);
  });
});

describe('exactUntil', () => {
  const cap = new Date(NOW.getTime() - INDEX_LAG_MS + MIN_VALIDITY_MS).toISOString();

  it('is the next expiry when it comes before the cap', () => {
    expect(exactUntil({}, NOW, '2026-03-10T12:00:00.000Z')).toBe('2026-03-10T12:00:00.000Z');
  });

  it('is capped below the expiry of anything published after the index read would show it (a day of validity at least)', () => {
    expect(cap).toBe('2026-03-11T08:00:00.000Z');
    expect(exactUntil({}, NOW, '2026-06-01T00:00:00.000Z')).toBe(cap);
    expect(exactUntil({}, NOW, undefined)).toBe(cap);
  });

  it('is not set while the last mark as unread is younger than the index lag', () => {
    expect(exactUntil({ unreadMarkedAt: '2026-03-10T08:00:00.001Z' }, NOW, undefined)).toBeUndefined();
    expect(exactUntil({ unreadMarkedAt: '2026-03-10T08:00:00.000Z' }, NOW, undefined)).toBe(cap);
  });
});
