import type { NotificationKind } from './notification';
import { pickText, type Language, type MultilingualText } from './text';

export interface EmailItem {
  senderName: MultilingualText;
  subject: MultilingualText;
  registered: boolean;
  expiresAt: string;
}

export interface Email {
  subject: string;
  text: string;
  html: string;
}

interface Texts {
  subject: (count: number, company: string) => string;
  intro: (count: number) => string;
  registered: string;
  expires: string;
  open: string;
  outro: string;
  dateLocale: string;
}

const TEXTS: Record<NotificationKind, Record<Language, Texts>> = {
  NEW_MESSAGES: {
    fr: {
      subject: (count, company) => (count === 1 ? `Nouveau document dans l'e-Box de ${company}` : `${count} nouveaux documents dans l'e-Box de ${company}`),
      intro: (count) =>
        count === 1 ? 'Un nouveau document est arrivé dans votre e-Box Enterprise :' : `${count} nouveaux documents sont arrivés dans votre e-Box Enterprise :`,
      registered: 'recommandé',
      expires: 'disponible jusqu’au',
      open: 'Consultez-les dans votre e-Box :',
      outro: 'Ce message est envoyé automatiquement ; merci de ne pas y répondre.',
      dateLocale: 'fr-BE',
    },
    nl: {
      subject: (count, company) => (count === 1 ? `Nieuw document in de e-Box van ${company}` : `${count} nieuwe documenten in de e-Box van ${company}`),
      intro: (count) => (count === 1 ? 'Er is een nieuw document in uw e-Box Enterprise:' : `Er zijn ${count} nieuwe documenten in uw e-Box Enterprise:`),
      registered: 'aangetekend',
      expires: 'beschikbaar tot',
      open: 'Bekijk ze in uw e-Box:',
      outro: 'Dit bericht wordt automatisch verstuurd; gelieve er niet op te antwoorden.',
      dateLocale: 'nl-BE',
    },
    de: {
      subject: (count, company) => (count === 1 ? `Neues Dokument in der e-Box von ${company}` : `${count} neue Dokumente in der e-Box von ${company}`),
      intro: (count) =>
        count === 1 ? 'In Ihrer e-Box Enterprise ist ein neues Dokument eingegangen:' : `In Ihrer e-Box Enterprise sind ${count} neue Dokumente eingegangen:`,
      registered: 'Einschreiben',
      expires: 'verfügbar bis',
      open: 'Sie finden sie in Ihrer e-Box:',
      outro: 'Diese Nachricht wird automatisch versandt; bitte antworten Sie nicht darauf.',
      dateLocale: 'de-BE',
    },
    en: {
      subject: (count, company) => (count === 1 ? `New document in the e-Box of ${company}` : `${count} new documents in the e-Box of ${company}`),
      intro: (count) =>
        count === 1 ? 'A new document has arrived in your e-Box Enterprise:' : `${count} new documents have arrived in your e-Box Enterprise:`,
      registered: 'registered',
      expires: 'available until',
      open: 'Read them in your e-Box:',
      outro: 'This message was sent automatically; please do not reply to it.',
      dateLocale: 'en-GB',
    },
  },
  EXPIRY_WARNING: {
    fr: {
      subject: (count, company) =>
        count === 1 ? `Un document de l'e-Box de ${company} expire bientôt` : `${count} documents de l'e-Box de ${company} expirent bientôt`,
      intro: (count) =>
        `${count === 1 ? 'Ce document sera supprimé' : 'Ces documents seront supprimés'} automatiquement de votre e-Box Enterprise à la fin de leur durée de validité. Pour ne pas les perdre, sauvegardez-les dans un espace de stockage de votre entreprise :`,
      registered: 'recommandé',
      expires: 'supprimé le',
      open: 'Ouvrez votre e-Box :',
      outro: 'Ce message est envoyé automatiquement ; merci de ne pas y répondre.',
      dateLocale: 'fr-BE',
    },
    nl: {
      subject: (count, company) =>
        count === 1 ? `Een document in de e-Box van ${company} vervalt binnenkort` : `${count} documenten in de e-Box van ${company} vervallen binnenkort`,
      intro: (count) =>
        `${count === 1 ? 'Dit document wordt' : 'Deze documenten worden'} automatisch uit uw e-Box Enterprise verwijderd wanneer de geldigheidsduur verstrijkt. Bewaar ze op een opslagplaats van uw onderneming om ze niet te verliezen:`,
      registered: 'aangetekend',
      expires: 'verwijderd op',
      open: 'Open uw e-Box:',
      outro: 'Dit bericht wordt automatisch verstuurd; gelieve er niet op te antwoorden.',
      dateLocale: 'nl-BE',
    },
    de: {
      subject: (count, company) =>
        count === 1 ? `Ein Dokument in der e-Box von ${company} läuft bald ab` : `${count} Dokumente in der e-Box von ${company} laufen bald ab`,
      intro: (count) =>
        `${count === 1 ? 'Dieses Dokument wird' : 'Diese Dokumente werden'} nach Ablauf der Gültigkeitsdauer automatisch aus Ihrer e-Box Enterprise gelöscht. Speichern Sie sie in einem Speicher Ihres Unternehmens, um sie nicht zu verlieren:`,
      registered: 'Einschreiben',
      expires: 'gelöscht am',
      open: 'Öffnen Sie Ihre e-Box:',
      outro: 'Diese Nachricht wird automatisch versandt; bitte antworten Sie nicht darauf.',
      dateLocale: 'de-BE',
    },
    en: {
      subject: (count, company) =>
        count === 1 ? `A document in the e-Box of ${company} expires soon` : `${count} documents in the e-Box of ${company} expire soon`,
      intro: (count) =>
        `${count === 1 ? 'This document will be' : 'These documents will be'} deleted from your e-Box Enterprise automatically when their validity period ends. To keep them, save them to your company's own storage:`,
      registered: 'registered',
      expires: 'deleted on',
      open: 'Open your e-Box:',
      outro: 'This message was sent automatically; please do not reply to it.',
      dateLocale: 'en-GB',
    },
  },
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The email of a digest, in the company's language: senders, subjects, registered flag, expiry, portal link. */
export function composeEmail(kind: NotificationKind, language: Language, company: string, items: EmailItem[], portalLink: string): Email {
  const texts = TEXTS[kind][language];
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(texts.dateLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });
  const lines = items.map((item) => {
    const sender = pickText(item.senderName, language);
    const subject = pickText(item.subject, language);
    return { sender, subject, flag: item.registered ? ` [${texts.registered}]` : '', until: `${texts.expires} ${date(item.expiresAt)}` };
  });
  const text = [
    texts.intro(items.length),
    '',
    ...lines.map((line) => `- ${line.sender}: ${line.subject}${line.flag} (${line.until})`),
    '',
    `${texts.open} ${portalLink}`,
    '',
    texts.outro,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(texts.intro(items.length))}</p>`,
    '<ul>',
    ...lines.map(
      (line) => `<li><strong>${escapeHtml(line.sender)}</strong>: ${escapeHtml(line.subject)}${escapeHtml(line.flag)} (${escapeHtml(line.until)})</li>`,
    ),
    '</ul>',
    `<p>${escapeHtml(texts.open)} <a href="${escapeHtml(portalLink)}">${escapeHtml(portalLink)}</a></p>`,
    `<p><small>${escapeHtml(texts.outro)}</small></p>`,
  ].join('\n');
  return { subject: texts.subject(items.length, company), text, html };
}
