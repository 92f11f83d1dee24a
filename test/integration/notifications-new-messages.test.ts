import { call } from './support/api';
import { drain, emailsSince, job, type Email } from './support/aws-inspect';
import { publish, samplePdf, setupEnterprise, setupSender, uniqueId, type SenderSetup } from './support/fixtures';

/**
 * New-message notifications: the table stream turns new messages into one job per company, the
 * notifier sends one digest email per company, in its language, once. Other files share the
 * runtime, so every test first drains the stream and the queue and only looks at the emails sent
 * after that, to its own company's unique address.
 */
jest.setTimeout(60_000);

type Language = 'fr' | 'nl' | 'de' | 'en';

/** The words of shared/domain/email-texts.ts (NEW_MESSAGES) that a company must see in its language. */
const WORDS: Record<Language, { subject: (company: string) => string; intro: string; registered: string; until: string; open: string; locale: string }> = {
  nl: {
    subject: (company) => `3 nieuwe documenten in de e-Box van ${company}`,
    intro: 'Er zijn 3 nieuwe documenten in uw e-Box Enterprise:',
    registered: 'aangetekend',
    until: 'beschikbaar tot',
    open: 'Bekijk ze in uw e-Box:',
    locale: 'nl-BE',
  },
  de: {
    subject: (company) => `3 neue Dokumente in der e-Box von ${company}`,
    intro: 'In Ihrer e-Box Enterprise sind 3 neue Dokumente eingegangen:',
    registered: 'Einschreiben',
    until: 'verfügbar bis',
    open: 'Sie finden sie in Ihrer e-Box:',
    locale: 'de-BE',
  },
  en: {
    subject: (company) => `3 new documents in the e-Box of ${company}`,
    intro: '3 new documents have arrived in your e-Box Enterprise:',
    registered: 'registered',
    until: 'available until',
    open: 'Read them in your e-Box:',
    locale: 'en-GB',
  },
  fr: {
    subject: (company) => `3 nouveaux documents dans l'e-Box de ${company}`,
    intro: '3 nouveaux documents sont arrivés dans votre e-Box Enterprise :',
    registered: 'recommandé',
    until: 'disponible jusqu’au',
    open: 'Consultez-les dans votre e-Box :',
    locale: 'fr-BE',
  },
};
/** Phrases that only the other languages' new-message emails contain. */
const FOREIGN: Record<Language, string> = { nl: 'nieuwe documenten', de: 'neue Dokumente', en: 'new documents', fr: 'nouveaux documents' };

const longDate = (iso: string, locale: string) =>
  new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Published {
  messageId: string;
  expiresAt: string;
}

describe('new-message notifications', () => {
  let sender: SenderSetup;

  beforeAll(async () => {
    sender = await setupSender();
  });

  describe.each<Language>(['nl', 'de', 'en', 'fr'])('a company whose language is %s', (language) => {
    it('gets ONE email naming the 3 new messages, their sender and the registered flag, with a portal link; replays and reruns send nothing more', async () => {
      const company = await setupEnterprise({ language, email: `${uniqueId(`notify-${language}`)}@example.be` });
      const snapshot = await drain();
      const tag = uniqueId('t');
      const subjects = {
        first: { fr: `Avis ${tag} un`, nl: `Bericht ${tag} een`, de: `Bescheid ${tag} eins`, en: `Notice ${tag} one` },
        second: { fr: `Avis ${tag} deux`, nl: `Bericht ${tag} twee`, de: `Bescheid ${tag} zwei`, en: `Notice ${tag} two` },
        // Only in French: every language falls back to it.
        third: { fr: `Rappel ${tag} trois` },
      };
      const externalId = uniqueId('EXT');
      const first = (await publish(sender, company.enterpriseNumber, { subject: subjects.first, externalId })) as unknown as Published;
      const second = (await publish(sender, company.enterpriseNumber, { subject: subjects.second, registered: true })) as unknown as Published;
      const third = (await publish(sender, company.enterpriseNumber, { subject: subjects.third, documentType: 'REMINDER' })) as unknown as Published;

      expect((await job('stream')).ran).toBe('stream');
      expect((await job('notifier')).ran).toBe('notifier');

      const sent = await emailsSince(snapshot, company.email);
      expect(sent).toHaveLength(1);
      const email = sent[0]!;
      const words = WORDS[language];
      const companyName = `Company ${company.enterpriseNumber}`;
      // The sender's name has fr and nl only: nl picks nl, every other language falls back to fr.
      const senderName = language === 'nl' ? `Instelling ${sender.senderId}` : `Institution ${sender.senderId}`;
      const pick = (text: Partial<Record<Language, string>>) => text[language] ?? text.fr!;

      expect(email.to).toEqual([company.email]);
      expect(email.subject).toBe(words.subject(companyName));
      const lines = email.text.split('\n');
      expect(lines[0]).toBe(words.intro);
      // One line per message, oldest first, sender and subject in the company's language.
      expect(lines.filter((line) => line.startsWith('- '))).toEqual([
        `- ${senderName}: ${pick(subjects.first)} (${words.until} ${longDate(first.expiresAt, words.locale)})`,
        `- ${senderName}: ${pick(subjects.second)} [${words.registered}] (${words.until} ${longDate(second.expiresAt, words.locale)})`,
        `- ${senderName}: ${pick(subjects.third)} (${words.until} ${longDate(third.expiresAt, words.locale)})`,
      ]);
      // Only the registered message carries the flag.
      expect(email.text.split(`[${words.registered}]`)).toHaveLength(2);
      const link = new RegExp(`^${escapeRegExp(words.open)} (https?://\\S+/enterprises/${company.enterpriseNumber}/messages)$`, 'm');
      expect(email.text).toMatch(link);
      const portal = email.text.match(link)![1]!;
      expect(email.html).toContain(`<a href="${portal}">${portal}</a>`);
      for (const subject of [pick(subjects.first), pick(subjects.second), pick(subjects.third)]) expect(email.html).toContain(subject);
      for (const other of (Object.keys(FOREIGN) as Language[]).filter((candidate) => candidate !== language)) {
        expect(`${email.subject}\n${email.text}`).not.toContain(FOREIGN[other]);
      }

      // Replaying the first publish (same externalId, same content): the original, no second message.
      const replay = await call<Published>('POST', '/v1/messages', {
        token: sender.token,
        body: {
          recipient: company.enterpriseNumber,
          documentType: 'TAX_NOTICE',
          subject: subjects.first,
          externalId,
          attachments: [{ fileName: 'avis.pdf', mediaType: 'application/pdf', contentBase64: samplePdf().toString('base64') }],
        },
      });
      expect(replay.status).toBe(200);
      expect(replay.body.messageId).toBe(first.messageId);
      for (let run = 0; run < 3; run += 1) {
        await job('stream');
        await job('notifier');
      }
      expect(await emailsSince(snapshot, company.email)).toHaveLength(1);
    });
  });

  it('one email per company when two companies receive messages in the same batch', async () => {
    const [one, two] = await Promise.all([setupEnterprise({ language: 'fr' }), setupEnterprise({ language: 'nl' })]);
    const snapshot = await drain();
    await publish(sender, one.enterpriseNumber);
    await publish(sender, two.enterpriseNumber);
    await publish(sender, one.enterpriseNumber);
    await job('stream');
    await job('notifier');
    const toOne = await emailsSince(snapshot, one.email);
    const toTwo = await emailsSince(snapshot, two.email);
    expect(toOne.map((email) => email.subject)).toEqual([`2 nouveaux documents dans l'e-Box de Company ${one.enterpriseNumber}`]);
    expect(toTwo.map((email) => email.subject)).toEqual([`Nieuw document in de e-Box van Company ${two.enterpriseNumber}`]);
    // Neither email names the other company's portal.
    expect(toOne[0]!.text).not.toContain(two.enterpriseNumber);
    expect(toTwo[0]!.text).not.toContain(one.enterpriseNumber);
  });

  it('escapes subjects in the HTML part (no markup from an institution reaches the email as markup)', async () => {
    const company = await setupEnterprise({ language: 'en' });
    const snapshot = await drain();
    const hostile = `<img src=x onerror="alert(1)"> Tom & Jerry's ${uniqueId('x')}`;
    await publish(sender, company.enterpriseNumber, { subject: { en: hostile } });
    await job('stream');
    await job('notifier');
    const sent = await emailsSince(snapshot, company.email);
    expect(sent).toHaveLength(1);
    const email = sent[0]!;
    // The plain text carries the subject as is; the HTML only in escaped form.
    expect(email.text).toContain(hostile);
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('onerror="');
    expect(email.html).toContain(hostile.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;').replace(/"/g, '&#34;').replace(/'/g, '&#39;'));
  });

  it('a company without a notification email gets no email, and its audit trail records NOTIFICATION_SKIPPED', async () => {
    const company = await setupEnterprise({ language: 'fr', email: null });
    const snapshot = await drain();
    const message = (await publish(sender, company.enterpriseNumber)) as unknown as Published;
    await job('stream');
    await job('notifier');

    const mentioning = (email: Email) => email.text.includes(company.enterpriseNumber) || email.subject.includes(company.enterpriseNumber);
    expect((await emailsSince(snapshot)).filter(mentioning)).toEqual([]);

    const audit = await call<{ items: Array<{ at: string; actor: Record<string, unknown>; action: string; messageId?: string; detail?: string }> }>(
      'GET',
      `/v1/enterprises/${company.enterpriseNumber}/audit`,
      { token: company.manager.token },
    );
    expect(audit.status).toBe(200);
    const skipped = audit.body.items.filter((entry) => entry.action === 'NOTIFICATION_SKIPPED');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      actor: { clientId: 'e-box', name: 'e-Box Enterprise' },
      action: 'NOTIFICATION_SKIPPED',
      detail: expect.stringContaining('NEW_MESSAGES'),
    });
    expect(message.messageId).toEqual(expect.any(String));

    // Reruns do not skip (nor audit) again.
    await job('stream');
    await job('notifier');
    const again = await call<{ items: Array<{ action: string }> }>('GET', `/v1/enterprises/${company.enterpriseNumber}/audit`, {
      token: company.manager.token,
    });
    expect(again.body.items.filter((entry) => entry.action === 'NOTIFICATION_SKIPPED')).toHaveLength(1);
  });
});
