/** Languages of the e-Box: the three national languages plus English. */
export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text given in one or more languages (at least one, none empty). */
export type MultilingualText = Partial<Record<Language, string>>;

/** The text in `language`, else the first available in the e-Box's order of languages. */
export function pickText(text: MultilingualText, language: Language): string {
  const preferred = text[language];
  if (preferred) return preferred;
  for (const candidate of LANGUAGES) {
    const value = text[candidate];
    if (value) return value;
  }
  return '';
}
