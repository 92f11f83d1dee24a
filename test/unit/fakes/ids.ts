import { parseEnterpriseNumber, type EnterpriseNumber } from '../../../shared/domain/enterprise-number';
import { parseSsin, type Ssin } from '../../../shared/domain/ssin';

const checkDigits = (base: number) => String(97 - (base % 97)).padStart(2, '0');

/** A valid enterprise number from its first 8 digits (the check digits are computed). */
export function enterpriseNumber(first8: string): EnterpriseNumber {
  const parsed = parseEnterpriseNumber(`${first8}${checkDigits(Number(first8))}`);
  if (!parsed.ok) throw new Error(`bad test enterprise number ${first8}: ${parsed.reason}`);
  return parsed.value;
}

/** A valid SSIN (born before 2000) from its first 9 digits. */
export function ssin(first9: string): Ssin {
  const parsed = parseSsin(`${first9}${checkDigits(Number(first9))}`);
  if (!parsed.ok) throw new Error(`bad test SSIN ${first9}: ${parsed.reason}`);
  return parsed.value;
}
