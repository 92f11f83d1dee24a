/**
 * Enterprise numbers (CBE/KBO). Accepted as `0123456749`, `0123.456.749` or `BE0123456749`
 * (`BE 0123.456.749` too); always stored and returned as 10 digits. Valid when the first digit is 0 or 1
 * and the last two digits equal 97 - (first 8 digits mod 97).
 */
export type EnterpriseNumber = string & { readonly __brand: 'EnterpriseNumber' };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseEnterpriseNumber(input: string): ParseResult<EnterpriseNumber> {
  const match = /^(?:BE\s?)?(\d{10}|\d{4}[.\s]\d{3}[.\s]\d{3})$/i.exec(input.trim());
  const compact = match?.[1]?.replace(/[.\s]/g, '') ?? '';
  if (!match) {
    return { ok: false, reason: 'an enterprise number has 10 digits (0123456749, 0123.456.749 or BE0123456749)' };
  }
  if (compact[0] !== '0' && compact[0] !== '1') {
    return { ok: false, reason: 'an enterprise number starts with 0 or 1' };
  }
  const base = Number(compact.slice(0, 8));
  const check = Number(compact.slice(8));
  if (97 - (base % 97) !== check) {
    return { ok: false, reason: 'the check digits of this enterprise number are wrong' };
  }
  return { ok: true, value: compact as EnterpriseNumber };
}
