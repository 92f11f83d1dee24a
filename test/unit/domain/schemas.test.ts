import type { z } from 'zod';
import { booleanQuerySchema, enterpriseNumberSchema, instantSchema, languageSchema, multilingualTextSchema, ssinSchema } from '../../../shared/domain/schemas';

/** The issues of a failed parse, reduced to what the HTTP layer uses. */
function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => ({ code: issue.code, path: issue.path, message: issue.message }));
}

describe('enterpriseNumberSchema', () => {
  it.each([
    ['0123.456.749', '0123456749'],
    ['BE0417497106', '0417497106'], // 04174971 = 97 × 43040 + 91 → 06
    ['0400378485', '0400378485'],
  ])('turns %j into %s', (input, expected) => {
    expect(enterpriseNumberSchema.parse(input)).toBe(expected);
  });

  it('explains wrong check digits', () => {
    expect(issues(enterpriseNumberSchema, '0123456748')).toEqual([
      { code: 'custom', path: [], message: 'Invalid enterprise number: the check digits of this enterprise number are wrong' },
    ]);
  });

  it('explains a wrong length', () => {
    expect(issues(enterpriseNumberSchema, '123456749')).toEqual([
      { code: 'custom', path: [], message: 'Invalid enterprise number: an enterprise number has 10 digits (0123456749, 0123.456.749 or BE0123456749)' },
    ]);
  });

  it('explains a wrong first digit', () => {
    expect(issues(enterpriseNumberSchema, '2123456749')).toEqual([
      { code: 'custom', path: [], message: 'Invalid enterprise number: an enterprise number starts with 0 or 1' },
    ]);
  });

  it('refuses a number given as a JSON number', () => {
    expect(issues(enterpriseNumberSchema, 123456749)).toEqual([expect.objectContaining({ code: 'invalid_type', path: [] })]);
  });
});

describe('ssinSchema', () => {
  it('keeps a valid SSIN', () => {
    expect(ssinSchema.parse('85073003328')).toBe('85073003328');
  });

  it('accepts an SSIN of someone born from 2000', () => {
    // 2 000 000 000 + 010203123 = 2010203123 = 97 × 20723743 + 52 → 45
    expect(ssinSchema.parse('01020312345')).toBe('01020312345');
  });

  it.each([
    ['85073003329', 'Invalid SSIN: the check digits of this SSIN are wrong'],
    ['8507300332', 'Invalid SSIN: an SSIN has exactly 11 digits'],
    ['850730033280', 'Invalid SSIN: an SSIN has exactly 11 digits'],
  ])('refuses %s with %j', (input, message) => {
    expect(issues(ssinSchema, input)).toEqual([{ code: 'custom', path: [], message }]);
  });
});

describe('languageSchema', () => {
  it.each(['fr', 'nl', 'de', 'en'])('accepts %s', (language) => {
    expect(languageSchema.parse(language)).toBe(language);
  });

  it.each(['es', 'FR', 'be', ''])('refuses %j', (language) => {
    expect(languageSchema.safeParse(language).success).toBe(false);
  });
});

describe('multilingualTextSchema', () => {
  const subject = multilingualTextSchema(10);

  it('accepts any one language', () => {
    expect(subject.parse({ de: 'Steuer' })).toEqual({ de: 'Steuer' });
  });

  it('accepts all four languages and trims each', () => {
    expect(subject.parse({ fr: ' Impôt ', nl: 'Belasting', de: 'Steuer', en: 'Tax\n' })).toEqual({
      fr: 'Impôt',
      nl: 'Belasting',
      de: 'Steuer',
      en: 'Tax',
    });
  });

  it('refuses an object without any language', () => {
    expect(issues(subject, {})).toEqual([{ code: 'custom', path: [], message: 'give the text in at least one of fr, nl, de, en' }]);
  });

  it.each([[''], ['   '], ['\t\n']])('refuses an empty or blank text %j, naming the language', (text) => {
    expect(issues(subject, { fr: 'Impôt', nl: text })).toEqual([{ code: 'too_small', path: ['nl'], message: 'must not be empty' }]);
  });

  it('accepts exactly the maximum length and refuses one more', () => {
    expect(subject.parse({ en: 'x'.repeat(10) })).toEqual({ en: 'xxxxxxxxxx' });
    expect(issues(subject, { en: 'x'.repeat(11) })).toEqual([{ code: 'too_big', path: ['en'], message: 'must be at most 10 characters' }]);
  });

  it('measures the length after trimming', () => {
    expect(subject.parse({ fr: `  ${'y'.repeat(10)}  ` })).toEqual({ fr: 'yyyyyyyyyy' });
  });

  it('refuses an unknown language key next to a known one', () => {
    expect(issues(subject, { fr: 'Impôt', es: 'Impuesto' })).toEqual([{ code: 'unrecognized_keys', path: [], message: expect.stringContaining('es') }]);
  });

  it('refuses an object with only unknown language keys', () => {
    expect(issues(subject, { es: 'Impuesto' }).map((issue) => issue.code)).toEqual(['unrecognized_keys', 'custom']);
  });

  it.each([['Impôt'], [null], [['fr', 'Impôt']], [{ fr: 42 }]])('refuses %j, which is not a text object', (input) => {
    expect(subject.safeParse(input).success).toBe(false);
  });
});

describe('booleanQuerySchema', () => {
  it('turns "true" and "false" into booleans', () => {
    expect(booleanQuerySchema.parse('true')).toBe(true);
    expect(booleanQuerySchema.parse('false')).toBe(false);
  });

  it.each(['TRUE', 'False', '1', '0', 'yes', '', ' true'])('refuses %j', (input) => {
    expect(issues(booleanQuerySchema, input)).toEqual([expect.objectContaining({ code: 'invalid_value', path: [] })]);
  });

  it('refuses a real boolean (query values are always text)', () => {
    expect(booleanQuerySchema.safeParse(true).success).toBe(false);
  });
});

describe('instantSchema', () => {
  it.each(['2026-11-28T21:56:39.123Z', '2028-02-29T00:00:00.000Z', '1999-12-31T23:59:59.999Z'])('accepts %s', (instant) => {
    expect(instantSchema.parse(instant)).toBe(instant);
  });

  it.each([
    ['2026-11-28T21:56:39Z', 'no milliseconds'],
    ['2026-11-28T21:56:39.12Z', 'two fraction digits'],
    ['2026-11-28T21:56:39.1234Z', 'four fraction digits'],
    ['2026-11-28T21:56:39.123+01:00', 'an offset instead of UTC'],
    ['2026-11-28T21:56:39.123', 'no zone'],
    ['2026-11-28 21:56:39.123Z', 'a space instead of T'],
    ['2026-11-28', 'a date only'],
    ['2026-02-30T10:00:00.000Z', 'an impossible date'],
    ['2026-11-28T24:00:00.000Z', 'hour 24'],
  ])('refuses %s (%s)', (instant) => {
    expect(issues(instantSchema, instant)).toEqual([expect.objectContaining({ code: 'invalid_format', path: [] })]);
  });
});
