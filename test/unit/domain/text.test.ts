import { LANGUAGES, pickText } from '../../../shared/domain/text';

describe('LANGUAGES', () => {
  it('lists the three national languages, then English', () => {
    expect(LANGUAGES).toEqual(['fr', 'nl', 'de', 'en']);
  });
});

describe('pickText', () => {
  const all = { fr: 'Avertissement-extrait de rôle', nl: 'Aanslagbiljet', de: 'Steuerbescheid', en: 'Tax notice' };

  it.each([
    ['fr', 'Avertissement-extrait de rôle'],
    ['nl', 'Aanslagbiljet'],
    ['de', 'Steuerbescheid'],
    ['en', 'Tax notice'],
  ] as const)('gives the %s text when it exists', (language, expected) => {
    expect(pickText(all, language)).toBe(expected);
  });

  it('falls back to fr first', () => {
    expect(pickText({ nl: 'Aanslagbiljet', fr: 'Avertissement', en: 'Tax notice' }, 'de')).toBe('Avertissement');
  });

  it('falls back to nl when there is no fr', () => {
    expect(pickText({ en: 'Tax notice', de: 'Steuerbescheid', nl: 'Aanslagbiljet' }, 'fr')).toBe('Aanslagbiljet');
  });

  it('falls back to de when there is neither fr nor nl', () => {
    expect(pickText({ en: 'Tax notice', de: 'Steuerbescheid' }, 'nl')).toBe('Steuerbescheid');
  });

  it('falls back to en last', () => {
    expect(pickText({ en: 'Tax notice' }, 'de')).toBe('Tax notice');
  });

  it('skips an empty preferred text', () => {
    expect(pickText({ de: '', nl: 'Aanslagbiljet' }, 'de')).toBe('Aanslagbiljet');
  });

  it('gives an empty string when there is no text at all', () => {
    expect(pickText({}, 'fr')).toBe('');
  });
});
