import { deliveryStatus, expiresSoon, expiryOf, isExpired, LIMITS, looksLikePdf } from '../../../shared/domain/message';

const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(iso);
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('expiryOf', () => {
  it('adds the validity in whole days to the publication instant', () => {
    expect(expiryOf(at('2026-01-31T10:15:30.123Z'), 30).toISOString()).toBe('2026-03-02T10:15:30.123Z');
  });

  it('counts 24-hour days in UTC, unaffected by Belgian daylight saving time', () => {
    expect(expiryOf(at('2026-03-28T12:00:00.000Z'), 2).toISOString()).toBe('2026-03-30T12:00:00.000Z');
    expect(expiryOf(at('2026-10-24T12:00:00.000Z'), 2).toISOString()).toBe('2026-10-26T12:00:00.000Z');
  });

  it('counts the 29th of February in a leap year', () => {
    expect(expiryOf(at('2028-02-28T00:00:00.000Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(expiryOf(at('2028-01-01T00:00:00.000Z'), 366).toISOString()).toBe('2029-01-01T00:00:00.000Z');
  });

  it('supports the longest validity a document type may have (3650 days)', () => {
    expect(expiryOf(at('2026-01-01T00:00:00.000Z'), 3650).getTime()).toBe(Date.parse('2026-01-01T00:00:00.000Z') + 3650 * DAY_MS);
  });

  it('does not change the date it was given', () => {
    const published = at('2026-05-05T05:05:05.005Z');
    expiryOf(published, 10);
    expect(published.toISOString()).toBe('2026-05-05T05:05:05.005Z');
  });
});

describe('isExpired', () => {
  const expiresAt = '2026-06-30T22:00:00.000Z';

  it('is not expired one millisecond before the expiry instant', () => {
    expect(isExpired(expiresAt, at('2026-06-30T21:59:59.999Z'))).toBe(false);
  });

  it('is expired at the exact expiry instant', () => {
    expect(isExpired(expiresAt, at(expiresAt))).toBe(true);
  });

  it('is expired after it', () => {
    expect(isExpired(expiresAt, at('2026-06-30T22:00:00.001Z'))).toBe(true);
    expect(isExpired(expiresAt, at('2027-01-01T00:00:00.000Z'))).toBe(true);
  });
});

describe('expiresSoon (warning window of 14 days)', () => {
  const now = '2026-04-10T08:00:00.000Z';

  it('is true exactly 14 days before expiry', () => {
    expect(expiresSoon(plus(now, 14 * DAY_MS), at(now), 14)).toBe(true);
  });

  it('is false one millisecond more than 14 days before expiry', () => {
    expect(expiresSoon(plus(now, 14 * DAY_MS + 1), at(now), 14)).toBe(false);
  });

  it('is true one millisecond before expiry', () => {
    expect(expiresSoon(plus(now, 1), at(now), 14)).toBe(true);
  });

  it('is false once expired, from the exact instant on', () => {
    expect(expiresSoon(now, at(now), 14)).toBe(false);
    expect(expiresSoon(plus(now, -DAY_MS), at(now), 14)).toBe(false);
  });

  it('follows the configured window', () => {
    expect(expiresSoon(plus(now, 3 * DAY_MS), at(now), 3)).toBe(true);
    expect(expiresSoon(plus(now, 3 * DAY_MS + 1), at(now), 3)).toBe(false);
    expect(expiresSoon(plus(now, 30 * DAY_MS), at(now), 14)).toBe(false);
  });
});

describe('deliveryStatus', () => {
  const now = at('2026-04-10T08:00:00.000Z');
  const later = '2026-05-10T08:00:00.000Z';

  it('is DELIVERED while unread and not expired', () => {
    expect(deliveryStatus({ expiresAt: later }, now)).toBe('DELIVERED');
  });

  it('is READ once read, before expiry', () => {
    expect(deliveryStatus({ expiresAt: later, firstReadAt: '2026-04-09T10:00:00.000Z' }, now)).toBe('READ');
  });

  it('is EXPIRED after expiry, read or not (expiry wins)', () => {
    expect(deliveryStatus({ expiresAt: '2026-04-01T00:00:00.000Z' }, now)).toBe('EXPIRED');
    expect(deliveryStatus({ expiresAt: '2026-04-01T00:00:00.000Z', firstReadAt: '2026-03-20T10:00:00.000Z' }, now)).toBe('EXPIRED');
  });

  it('is EXPIRED at the exact expiry instant', () => {
    expect(deliveryStatus({ expiresAt: now.toISOString(), firstReadAt: '2026-03-20T10:00:00.000Z' }, now)).toBe('EXPIRED');
  });

  it('treats an empty firstReadAt as unread', () => {
    expect(deliveryStatus({ expiresAt: later, firstReadAt: '' }, now)).toBe('DELIVERED');
  });
});

describe('looksLikePdf', () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

  it('accepts bytes that start with %PDF-', () => {
    expect(looksLikePdf(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'))).toBe(true);
    expect(looksLikePdf(Buffer.from('%PDF-2.0'))).toBe(true);
  });

  it('accepts the bare five-byte signature', () => {
    expect(looksLikePdf(bytes('%PDF-'))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too short', '%PDF'],
    ['lowercase', '%pdf-1.7'],
    ['a leading space', ' %PDF-1.7'],
    ['a leading BOM', '\xef\xbb\xbf%PDF-1.7'],
    ['a PNG', '\x89PNG\r\n\x1a\n'],
    ['a ZIP (docx)', 'PK\x03\x04'],
    ['text mentioning %PDF- later', 'hello %PDF-1.7'],
  ])('refuses %s', (_label, text) => {
    expect(looksLikePdf(bytes(text))).toBe(false);
  });

  it('reads the view it is given, not the start of the underlying buffer', () => {
    const backing = Buffer.from('XXX%PDF-1.4 rest', 'latin1');
    expect(looksLikePdf(new Uint8Array(backing.buffer, backing.byteOffset + 3, backing.length - 3))).toBe(true);
    expect(looksLikePdf(new Uint8Array(backing.buffer, backing.byteOffset, backing.length))).toBe(false);
  });
});

describe('LIMITS', () => {
  it('follows the contract: 10 attachments, 4 MiB inline, 50 MiB uploads, 200-char subjects, 20 000-char bodies', () => {
    expect(LIMITS).toEqual({ attachments: 10, inlineBytes: 4 * 1024 * 1024, uploadBytes: 50 * 1024 * 1024, subjectChars: 200, bodyChars: 20_000 });
  });
});
