import { composeEmail, type EmailItem } from '../../../shared/domain/email-texts';
import type { NotificationKind } from '../../../shared/domain/notification';
import { LANGUAGES, type Language } from '../../../shared/domain/text';

const PORTAL = 'https://portal.ebox.example/enterprises/0123456749/messages';
const COMPANY = 'Brasserie Zénobe SRL';

/** What each language must say, from the contract (subjects, registered marker, expiry date). */
const WORDING: Record<NotificationKind, Record<Language, { one: string; many: string }>> = {
  NEW_MESSAGES: {
    fr: { one: 'Nouveau document', many: 'nouveaux documents' },
    nl: { one: 'Nieuw document', many: 'nieuwe documenten' },
    de: { one: 'Neues Dokument', many: 'neue Dokumente' },
    en: { one: 'New document', many: 'new documents' },
  },
  EXPIRY_WARNING: {
    fr: { one: 'expire bientôt', many: 'expirent bientôt' },
    nl: { one: 'vervalt binnenkort', many: 'vervallen binnenkort' },
    de: { one: 'läuft bald ab', many: 'laufen bald ab' },
    en: { one: 'expires soon', many: 'expire soon' },
  },
};
const REGISTERED: Record<Language, string> = { fr: 'recommandé', nl: 'aangetekend', de: 'Einschreiben', en: 'registered' };
/** 2026-12-31T23:30Z is already 1 January 2027 in Brussels. */
const NEW_YEAR: Record<Language, string> = { fr: '1 janvier 2027', nl: '1 januari 2027', de: '1. Januar 2027', en: '1 January 2027' };

const items: EmailItem[] = [
  {
    senderName: { fr: 'SPF Finances', nl: 'FOD Financiën', de: 'FÖD Finanzen', en: 'FPS Finance' },
    subject: { fr: 'Avertissement-extrait de rôle 2026', nl: 'Aanslagbiljet 2026', de: 'Steuerbescheid 2026', en: 'Tax notice 2026' },
    registered: true,
    expiresAt: '2026-12-31T23:30:00.000Z',
  },
  {
    senderName: { fr: 'ONSS', nl: 'RSZ', de: 'LSS', en: 'NSSO' },
    subject: { fr: 'Rappel de cotisations', nl: 'Herinnering bijdragen', de: 'Beitragserinnerung', en: 'Contribution reminder' },
    registered: false,
    expiresAt: '2027-02-15T10:00:00.000Z',
  },
  {
    senderName: { fr: 'Ville de Namur', nl: 'Stad Namen', de: 'Stadt Namur', en: 'City of Namur' },
    subject: { fr: 'Taxe sur les enseignes', nl: 'Belasting op uithangborden', de: 'Steuer auf Schilder', en: 'Sign tax' },
    registered: false,
    expiresAt: '2027-03-01T10:00:00.000Z',
  },
];
const first = items[0] as EmailItem;

const kinds: NotificationKind[] = ['NEW_MESSAGES', 'EXPIRY_WARNING'];
const cases = kinds.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const));

/** Decodes the character references that escaping produces, to compare the visible text. */
const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const visible = (html: string) => decode(html.replace(/<[^>]*>/g, ''));

describe.each(cases)('composeEmail %s in %s', (kind, language) => {
  const single = composeEmail(kind, language, COMPANY, [first], PORTAL);
  const several = composeEmail(kind, language, COMPANY, items, PORTAL);

  it('has a singular subject for one document, naming the company', () => {
    expect(single.subject).toContain(WORDING[kind][language].one);
    expect(single.subject).toContain(COMPANY);
    expect(single.subject).not.toMatch(/\d/);
  });

  it('has a plural subject with the count for several documents, naming the company', () => {
    expect(several.subject).toContain(WORDING[kind][language].many);
    expect(several.subject).toContain('3');
    expect(several.subject).toContain(COMPANY);
    expect(several.subject).not.toContain(WORDING[kind][language].one);
  });

  it('names every sender and subject, in the language, in the text and the html', () => {
    for (const item of items) {
      for (const part of [item.senderName[language], item.subject[language]]) {
        expect(several.text).toContain(part);
        expect(visible(several.html)).toContain(part);
      }
    }
  });

  it('puts one line per document, with its sender and subject together', () => {
    for (const item of items) {
      const line = several.text.split('\n').find((candidate) => candidate.includes(item.subject[language] ?? '?'));
      expect(line).toContain(item.senderName[language]);
    }
    expect(
      visible(several.html)
        .split('\n')
        .filter((line) => items.some((item) => line.includes(item.subject[language] ?? '?'))),
    ).toHaveLength(3);
  });

  it('marks registered documents, and only them', () => {
    const marker = `[${REGISTERED[language]}]`;
    const lineOf = (text: string, item: EmailItem) => text.split('\n').find((line) => line.includes(item.subject[language] ?? '?')) ?? '';
    for (const text of [several.text, visible(several.html)]) {
      expect(lineOf(text, first)).toContain(marker);
      expect(lineOf(text, items[1] as EmailItem)).not.toContain(marker);
      expect(lineOf(text, items[2] as EmailItem)).not.toContain(marker);
    }
  });

  it('gives each expiry date in the language, as a Brussels calendar date', () => {
    expect(several.text).toContain(NEW_YEAR[language]);
    expect(visible(several.html)).toContain(NEW_YEAR[language]);
  });

  it('links to the portal in the text and as an html link', () => {
    expect(several.text).toContain(PORTAL);
    expect(several.html).toContain(`href="${PORTAL}"`);
  });

  it('says nothing undefined or empty', () => {
    for (const part of [several.subject, several.text, several.html]) {
      expect(part).not.toMatch(/undefined|null|NaN|Invalid Date/);
    }
  });

  it("falls back to another language's text when the company's language is missing", () => {
    const other = LANGUAGES.find((candidate) => candidate !== language) as Language;
    const onlyOther: EmailItem = {
      senderName: { [other]: `Sender in ${other}` },
      subject: { [other]: `Subject in ${other}` },
      registered: false,
      expiresAt: '2027-01-10T10:00:00.000Z',
    };
    const email = composeEmail(kind, language, COMPANY, [onlyOther], PORTAL);
    expect(email.text).toContain(`Sender in ${other}`);
    expect(email.text).toContain(`Subject in ${other}`);
    expect(visible(email.html)).toContain(`Subject in ${other}`);
    // the surrounding wording stays in the company's language
    expect(email.subject).toContain(WORDING[kind][language].one);
  });

  it('escapes html in subjects and sender names, keeping the plain text as is', () => {
    const hostile: EmailItem = {
      senderName: { [language]: 'Evil & <b>Co</b>' },
      subject: { [language]: '<script>alert("x")</script> \'quoted\'' },
      registered: true,
      expiresAt: '2027-01-10T10:00:00.000Z',
    };
    const email = composeEmail(kind, language, COMPANY, [hostile], PORTAL);
    expect(email.html).not.toContain('<script');
    expect(email.html).not.toContain('</script>');
    expect(email.html).not.toContain('<b>');
    expect(visible(email.html)).toContain('<script>alert("x")</script> \'quoted\'');
    expect(visible(email.html)).toContain('Evil & <b>Co</b>');
    expect(email.text).toContain('<script>alert("x")</script>');
    const tags = new Set([...email.html.matchAll(/<\/?([a-z]+)/gi)].map((match) => (match[1] ?? '').toLowerCase()));
    for (const tag of tags) expect(['p', 'ul', 'li', 'strong', 'a', 'small']).toContain(tag);
  });
});

describe('composeEmail across languages', () => {
  it('writes each language differently (no language falls back to another)', () => {
    for (const kind of kinds) {
      const texts = LANGUAGES.map((language) => composeEmail(kind, language, COMPANY, items, PORTAL));
      expect(new Set(texts.map((email) => email.subject)).size).toBe(4);
      expect(new Set(texts.map((email) => email.text.split('\n')[0])).size).toBe(4);
    }
  });

  it('writes a new-messages email and an expiry warning differently', () => {
    for (const language of LANGUAGES) {
      expect(composeEmail('NEW_MESSAGES', language, COMPANY, items, PORTAL).subject).not.toBe(
        composeEmail('EXPIRY_WARNING', language, COMPANY, items, PORTAL).subject,
      );
    }
  });

  it('escapes a portal link with query characters inside the href', () => {
    const link = 'https://portal.ebox.example/x?a=1&b="2"';
    const email = composeEmail('NEW_MESSAGES', 'en', COMPANY, [first], link);
    expect(email.html).not.toContain('&b="2"');
    expect(decode(/href="([^"]*)"/.exec(email.html)?.[1] ?? '')).toBe(link);
  });
});
