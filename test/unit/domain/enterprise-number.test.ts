import { parseEnterpriseNumber } from '../../../shared/domain/enterprise-number';

/*
 * Valid numbers, each checked by hand with the rule: check = 97 - (first 8 digits mod 97).
 *   0123456749  01234567 = 97 × 12727 + 48  → 97 - 48 = 49
 *   0202239951  02022399 = 97 × 20849 + 46  → 97 - 46 = 51   Proximus
 *   0400378485  04003784 = 97 × 41276 + 12  → 97 - 12 = 85   Colruyt
 *   0417497106  04174971 = 97 × 43040 + 91  → 97 - 91 = 06   AB InBev
 *   0403227515  04032275 = 97 × 41569 + 82  → 97 - 82 = 15   KBC Groep
 *   0214596464  02145964 = 97 × 22123 + 33  → 97 - 33 = 64   bpost
 *   0403199702  04031997 = 97 × 41566 + 95  → 97 - 95 = 02   BNP Paribas Fortis
 *   1000000021  10000000 = 97 × 103092 + 76 → 97 - 76 = 21   (first digit 1)
 *   0970000097  09700000 = 97 × 100000 + 0  → 97 - 0  = 97   (check digits can be 97, never 00)
 */
const VALID = ['0123456749', '0202239951', '0400378485', '0417497106', '0403227515', '0214596464', '0403199702', '1000000021', '0970000097'];

describe('parseEnterpriseNumber', () => {
  it.each(VALID)('accepts the valid number %s as is', (number) => {
    expect(parseEnterpriseNumber(number)).toEqual({ ok: true, value: number });
  });

  it.each([
    ['0123.456.749', '0123456749'],
    ['BE0123456749', '0123456749'],
    ['be0123456749', '0123456749'],
    ['Be0123.456.749', '0123456749'],
    ['BE 0123 456 749', '0123456749'],
    ['  0417.497.106  ', '0417497106'],
    ['BE0202.239.951', '0202239951'],
  ])('normalises %j to %s', (input, expected) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['0123456748', 'check digits one too low'],
    ['0123456750', 'check digits one too high'],
    ['0202239915', 'check digits swapped'],
    ['0970000000', 'check digits 00 instead of 97'],
    ['1000000022', 'first digit 1, wrong check'],
  ])('refuses %s (%s)', (input) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: false, reason: 'the check digits of this enterprise number are wrong' });
  });

  it.each([['2123456749'], ['9999999999'], ['BE2000000000']])('refuses %s, which does not start with 0 or 1', (input) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: false, reason: 'an enterprise number starts with 0 or 1' });
  });

  it.each([
    ['123456749'], // the old 9-digit form
    ['01234567490'],
    ['012345674'],
    [''],
    ['   '],
    ['0123A56749'],
    ['O123456749'], // letter O, not zero
    ['BE'],
    ['NL0123456749'],
    ['BEBE0123456749'],
    ['0123456749BE'],
    ['0123-456-749'],
    ['0123/456/749'],
    ['+123456749'],
    ['0x12345674'],
  ])('refuses %j as malformed', (input) => {
    expect(parseEnterpriseNumber(input)).toEqual({
      ok: false,
      reason: 'an enterprise number has 10 digits (0123456749, 0123.456.749 or BE0123456749)',
    });
  });
});
