import fc from 'fast-check';
import { decodeStrictBase64 } from '../../../shared/domain/base64';

/** The rule as it was written before (a regular expression over the whole text). */
const STRICT = /^[A-Za-z0-9+/]*={0,2}$/;
const strictByRegex = (text: string) => text.length % 4 === 0 && STRICT.test(text);

describe('decodeStrictBase64', () => {
  it('accepts exactly what the strict base64 regular expression accepts', () => {
    const characters = fc.constantFrom(...'ABCabz019+/=-_ \n\t.é\u0000'.split(''));
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        expect(decodeStrictBase64(text) !== undefined).toBe(strictByRegex(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives back the bytes that were encoded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeStrictBase64(Buffer.from(bytes).toString('base64'))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it.each([
    ['the URL-safe alphabet', 'ab-_'],
    ['padding in the middle', 'QQ==QUJD'],
    ['three padding characters', 'Q==='],
    ['a length that is not a multiple of 4', 'QUJDR'],
    ['white space', 'QUJD QUJD'],
  ])('refuses %s', (_case, text) => {
    expect(decodeStrictBase64(text)).toBeUndefined();
  });
});
