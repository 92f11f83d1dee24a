import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate, formatDateTime, formatSize } from '../lib/format';
import { LANGUAGES, pickText, preferredLanguage, type Language, type MultilingualText } from '../lib/languages';
import { de } from './de';
import { en, type Messages } from './en';
import { fr } from './fr';
import { nl } from './nl';

const CATALOGUES: Readonly<Record<Language, Messages>> = { fr, nl, de, en };
/** The chosen language is a preference, not a secret: it may outlive the session (tokens never do). */
const STORAGE_KEY = 'ebox.language';

export interface I18n {
  lang: Language;
  t: Messages;
  setLanguage(language: Language): void;
  date(iso: string): string;
  dateTime(iso: string): string;
  size(bytes: number): string;
  /** A text of the API in the chosen language, or the best other one (with the language it is in). */
  text(value: MultilingualText | undefined): { text: string; lang: Language };
}

const I18nContext = createContext<I18n | undefined>(undefined);

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage may be disabled; the browser's languages decide then
  }
}

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLang] = useState<Language>(() => preferredLanguage(navigator.languages, savedLanguage()));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: CATALOGUES[lang],
      setLanguage(language) {
        try {
          localStorage.setItem(STORAGE_KEY, language);
        } catch {
          // the choice then lasts until the page is reloaded
        }
        setLang(language);
      },
      date: (iso) => formatDate(iso, lang),
      dateTime: (iso) => formatDateTime(iso, lang),
      size: (bytes) => formatSize(bytes, lang),
      text: (value) => pickText(value, lang),
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Each language's own name, as people look for it in a list. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };
export { LANGUAGES };
