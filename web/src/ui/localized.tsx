import { useI18n } from '../i18n/i18n';
import type { MultilingualText } from '../lib/languages';

/** A text of the API in the person's language; a fallback in another language is marked with its `lang`. */
export function Localized({ value }: { value: MultilingualText | undefined }) {
  const { lang, text } = useI18n();
  const picked = text(value);
  return picked.lang === lang ? picked.text : <span lang={picked.lang}>{picked.text}</span>;
}
