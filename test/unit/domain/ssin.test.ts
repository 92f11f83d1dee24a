import { parseSsin } from '../../../shared/domain/ssin';

/*
 * Born before 2000: check = 97 - (first 9 digits mod 97).
 *   85073003328  850730033 = 97 × 8770412 + 69 → 97 - 69 = 28   (born 30 July 1985)
 *   93051822361  930518223 = 97 × 9592971 + 36 → 97 - 36 = 61   (born 18 May 1993)
 *
 * Born from 2000: check = 97 - ((2 000 000 000 + first 9 digits) mod 97).
 *   01020312345  2010203123 = 97 × 20723743 + 52 → 97 - 52 = 45  (born 3 February 2001)
 *   05121500158  2051215001 = 97 × 21146546 + 39 → 97 - 39 = 58  (born 15 December 2005)
 * The same first 9 digits under the old rule give other check digits:
 *   010203123 = 97 × 105186 + 81 → 16, so 01020312316 (also accepted: the rule accepts either)
 *   051215001 = 97 × 527989 + 68 → 29, so 05121500129
 * (2 000 000 000 mod 97 = 68 ≠ 0, so the two rules never give the same check digits.)
 */
describe('parseSsin', () => {
  it.each(['85073003328', '93051822361'])('accepts %s, valid under the rule for people born before 2000', (ssin) => {
    expect(parseSsin(ssin)).toEqual({ ok: true, value: ssin });
  });

  it.each(['01020312345', '05121500158'])('accepts %s, valid only under the rule for people born from 2000', (ssin) => {
    expect(parseSsin(ssin)).toEqual({ ok: true, value: ssin });
  });

  it.each(['01020312316', '05121500129'])('accepts %s, a 0x-number checked with the old rule only (either rule is enough)', (ssin) => {
    expect(parseSsin(ssin)).toEqual({ ok: true, value: ssin });
  });

  it('trims surrounding whitespace', () => {
    expect(parseSsin(' 85073003328\n')).toEqual({ ok: true, value: '85073003328' });
  });

  it('accepts the from-2000 check digits on any number, since either rule is enough', () => {
    // 2 000 000 000 + 850730033 = 2850730033 = 97 × 29388969 + 40 → 97 - 40 = 57
    expect(parseSsin('85073003357')).toEqual({ ok: true, value: '85073003357' });
  });

  it('refuses 85073003329, one above the right check digits', () => {
    expect(parseSsin('85073003329')).toEqual({ ok: false, reason: 'the check digits of this SSIN are wrong' });
  });

  it.each(['01020312300', '05121500100', '93051822316', '00000000000'])('refuses %s, whose check digits fit neither rule', (ssin) => {
    expect(parseSsin(ssin)).toEqual({ ok: false, reason: 'the check digits of this SSIN are wrong' });
  });

  it.each([
    ['8507300332', '10 digits'],
    ['850730033280', '12 digits'],
    ['', 'empty'],
    ['8507300332A', 'a letter'],
    ['85.07.30-033.28', 'the printed form with separators'],
    ['85073 003328', 'an inner space'],
    ['-8507300332', 'a sign'],
  ])('refuses %j (%s)', (ssin) => {
    expect(parseSsin(ssin)).toEqual({ ok: false, reason: 'an SSIN has exactly 11 digits' });
  });
});
