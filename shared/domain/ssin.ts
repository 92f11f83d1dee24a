import type { ParseResult } from './enterprise-number';

/**
 * Belgian national register numbers (SSIN, INSZ/NISS): 11 digits. The last two digits equal
 * 97 - (first 9 digits mod 97); for people born from 2000 the first 9 digits are prefixed with 2,
 * i.e. 97 - ((2 000 000 000 + first 9 digits) mod 97).
 */
export type Ssin = string & { readonly __brand: 'Ssin' };

export function parseSsin(input: string): ParseResult<Ssin> {
  const value = input.trim();
  if (!/^\d{11}$/.test(value)) {
    return { ok: false, reason: 'an SSIN has exactly 11 digits' };
  }
  const base = Number(value.slice(0, 9));
  const check = Number(value.slice(9));
  const bornBefore2000 = 97 - (base % 97) === check;
  const bornFrom2000 = 97 - ((2_000_000_000 + base) % 97) === check;
  if (!bornBefore2000 && !bornFrom2000) {
    return { ok: false, reason: 'the check digits of this SSIN are wrong' };
  }
  return { ok: true, value: value as Ssin };
}
