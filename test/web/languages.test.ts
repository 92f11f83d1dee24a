import { pickText, preferredLanguage } from '../../web/src/lib/languages';

describe('the portal follows the browser, then the person’s choice', () => {
  it.each([
    [['nl-BE', 'fr-BE'], 'nl'],
    [['de-DE'], 'de'],
    [['es-ES', 'fr'], 'fr'],
    [['es-ES', 'it'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (browser, expected) => {
    expect(preferredLanguage(browser)).toBe(expected);
  });

  it('a saved choice wins; an unknown saved value is ignored', () => {
    expect(preferredLanguage(['nl-BE'], 'de')).toBe('de');
    expect(preferredLanguage(['nl-BE'], 'xx')).toBe('nl');
  });
});

describe('texts of the API in the chosen language, falling back in the e-Box order (fr, nl, de, en)', () => {
  it('takes the chosen language when it is there', () => {
    expect(pickText({ fr: 'Avis', nl: 'Bericht' }, 'nl')).toEqual({ text: 'Bericht', lang: 'nl' });
  });

  it('falls back and says in which language the text is', () => {
    expect(pickText({ nl: 'Bericht', en: 'Notice' }, 'de')).toEqual({ text: 'Bericht', lang: 'nl' });
    expect(pickText({ en: 'Notice' }, 'fr')).toEqual({ text: 'Notice', lang: 'en' });
  });

  it('skips empty texts', () => {
    expect(pickText({ fr: '', de: 'Bescheid' }, 'fr')).toEqual({ text: 'Bescheid', lang: 'de' });
  });

  it('gives an empty text for nothing', () => {
    expect(pickText(undefined, 'fr')).toEqual({ text: '', lang: 'fr' });
  });
});
