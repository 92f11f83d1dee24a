import type { Language } from './languages';

/** Belgian conventions for each language; English uses British forms (day before month). */
const LOCALES: Readonly<Record<Language, string>> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-GB' };
const TIME_ZONE = 'Europe/Brussels';

/** `28 novembre 2026`, in Belgian time. */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** `28/11/2026 21:56`, in Belgian time. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** A file size people read: `812 bytes`, `12.5 kB`, `3.1 MB` (decimal units, the language's decimal mark). */
export function formatSize(bytes: number, language: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // Bytes in full words (`812 bytes`, `812 octets`); larger units abbreviated (`12,5 ko`).
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** `0123456749` → `0123.456.749`, as Belgians write enterprise numbers. */
export function formatEnterpriseNumber(value: string): string {
  return /^\d{10}$/.test(value) ? `${value.slice(0, 4)}.${value.slice(4, 7)}.${value.slice(7)}` : value;
}

/** `85073003328` → `85.07.30-033.28`, as printed on the eID. */
export function formatSsin(value: string): string {
  return /^\d{11}$/.test(value) ? `${value.slice(0, 2)}.${value.slice(2, 4)}.${value.slice(4, 6)}-${value.slice(6, 9)}.${value.slice(9)}` : value;
}

/** What people type as an SSIN (dots, dashes, spaces), as the API wants it: 11 digits. */
export function compactSsin(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

/**
 * An `<input type="date">` value, a day in Belgium, as the instant the API filters on: the start
 * of that day in Brussels (23:00 or 22:00 UTC the day before), or of the next day for an upper
 * bound. Undefined for anything that is not a date.
 */
export function dayToInstant(day: string, endOfDay = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00.000Z`))) return undefined;
  const target = endOfDay ? new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10) : day;
  const brussels = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.parse(`${target}T00:00:00.000Z`) - offsetHours * 3_600_000);
    const parts = Object.fromEntries(brussels.formatToParts(candidate).map((part) => [part.type, part.value]));
    if (`${parts.year}-${parts.month}-${parts.day}` === target && parts.hour === '00') return candidate.toISOString();
  }
  return undefined;
}
