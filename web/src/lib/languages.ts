/** The portal's languages: the three national languages and English. */
export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The first of the browser's preferred languages the portal speaks (`nl-BE` → `nl`), else English. */
export function preferredLanguage(browserLanguages: readonly string[], saved?: string | null): Language {
  if (saved && isLanguage(saved)) return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** A text the API gives in some of fr, nl, de, en. */
export type MultilingualText = Partial<Record<Language, string>>;

/**
 * The text in `language`, else in the first language available in the order of the e-Box
 * (fr, nl, de, en); `lang` tells which one was used, so the page can mark it for screen readers.
 */
export function pickText(text: MultilingualText | undefined, language: Language): { text: string; lang: Language } {
  const wanted = text?.[language];
  if (wanted) return { text: wanted, lang: language };
  for (const candidate of LANGUAGES) {
    const value = text?.[candidate];
    if (value) return { text: value, lang: candidate };
  }
  return { text: '', lang: language };
}
