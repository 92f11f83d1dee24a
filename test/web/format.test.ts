import { compactSsin, dayToInstant, formatDate, formatDateTime, formatEnterpriseNumber, formatSize, formatSsin } from '../../web/src/lib/format';

describe('dates, in Belgian time, in each language', () => {
  const instant = '2026-11-28T23:30:00.000Z'; // already 29 November in Brussels

  it.each([
    ['fr', '29 novembre 2026'],
    ['nl', '29 november 2026'],
    ['de', '29. November 2026'],
    ['en', '29 November 2026'],
  ] as const)('%s: %s', (language, expected) => {
    expect(formatDate(instant, language)).toBe(expected);
  });

  it('shows the time in Brussels, summer and winter', () => {
    expect(formatDateTime('2026-07-01T10:05:00.000Z', 'en')).toBe('01/07/2026, 12:05');
    expect(formatDateTime('2026-01-01T10:05:00.000Z', 'en')).toBe('01/01/2026, 11:05');
  });
});

describe('a day picked in a form, as the instants the API filters on', () => {
  it('starts at midnight in Brussels (UTC+1 in winter, UTC+2 in summer)', () => {
    expect(dayToInstant('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(dayToInstant('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
  });

  it('ends at the next midnight, across the change to summer time', () => {
    expect(dayToInstant('2026-03-28', true)).toBe('2026-03-28T23:00:00.000Z');
    expect(dayToInstant('2026-03-29', true)).toBe('2026-03-29T22:00:00.000Z');
  });

  it.each(['', '2026-13-01', '2026-02-30', 'tomorrow', '2026-1-1'])('refuses %p', (day) => {
    expect(dayToInstant(day)).toBeUndefined();
  });
});

describe('sizes and numbers as Belgians write them', () => {
  it.each([
    [812, 'en', '812 bytes'],
    [70, 'fr', '70 octets'],
    [12_500, 'fr', '12,5 ko'],
    [3_100_000, 'nl', '3,1 MB'],
    [4 * 1024 * 1024, 'de', '4,2 MB'],
  ] as const)('%i bytes in %s: %s', (bytes, language, expected) => {
    expect(formatSize(bytes, language).replace(/[\u00a0\u202f]/g, ' ')).toBe(expected);
  });

  it('groups enterprise numbers and SSINs', () => {
    expect(formatEnterpriseNumber('0123456749')).toBe('0123.456.749');
    expect(formatSsin('85073003328')).toBe('85.07.30-033.28');
    expect(formatEnterpriseNumber('not a number')).toBe('not a number');
  });

  it('accepts an SSIN typed with dots, dashes and spaces', () => {
    expect(compactSsin(' 85.07.30-033 28 ')).toBe('85073003328');
  });
});
