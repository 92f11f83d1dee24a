import { advanceDays, DAY_MS, drain, emailsSince, EXPIRY_SHARDS, job, storedMessage, type Email } from './support/aws-inspect';
import { call, clientToken, personToken } from './support/api';
import { publish, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';

/**
 * Expiry warnings: the daily job reads the expiry index for the 14-day window, queues one digest
 * per company, and takes each warned document out of the index so it is warned once. This file
 * moves the shared clock forward; it asserts only on the companies it creates.
 */
jest.setTimeout(60_000);

interface Published {
  messageId: string;
  publishedAt: string;
  expiresAt: string;
}

interface WarningReport {
  ran: string;
  days: number;
  queries: number;
  capacityUnits: number;
  documents: number;
  companies: number;
}

/** Default EXPIRY_WARNING_DAYS: the window covers today plus 14 days of the index. */
const WINDOW_DAYS = 14;
const longDate = (iso: string, locale: string) =>
  new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });
const isWarning = (email: Email) =>
  /expirent bientôt|expire bientôt|vervalt binnenkort|vervallen binnenkort|läuft bald ab|laufen bald ab|expires? soon/.test(email.subject);

describe('expiry warnings', () => {
  let sender: SenderSetup;
  let companyA: EnterpriseSetup;
  let companyB: EnterpriseSetup;
  let silent: EnterpriseSetup;
  let a1: Published;
  let a2: Published;
  let b1: Published;
  let other: Published;
  const tag = uniqueId('w');

  /** The clock moves in this file: a publish token minted now. */
  const publisher = async (): Promise<SenderSetup> => ({ ...sender, token: await clientToken(sender.clientId, 'ebox/publish') });

  beforeAll(async () => {
    [sender, companyA, companyB, silent] = await Promise.all([
      setupSender(),
      setupEnterprise({ language: 'fr' }),
      setupEnterprise({ language: 'nl' }),
      setupEnterprise({ language: 'de', email: null }),
    ]);
  });

  it('does not warn about documents that expire after the window', async () => {
    await drain({ expiry: true });
    a1 = (await publish(sender, companyA.enterpriseNumber, {
      documentType: 'REMINDER',
      validityDays: 20,
      subject: { fr: `Rappel ${tag} A1` },
    })) as unknown as Published;
    a2 = (await publish(sender, companyA.enterpriseNumber, {
      documentType: 'REMINDER',
      validityDays: 20,
      registered: true,
      subject: { fr: `Rappel ${tag} A2` },
    })) as unknown as Published;
    b1 = (await publish(sender, companyB.enterpriseNumber, {
      documentType: 'REMINDER',
      validityDays: 20,
      subject: { fr: `Rappel ${tag} B1`, nl: `Herinnering ${tag} B1` },
    })) as unknown as Published;
    await publish(sender, silent.enterpriseNumber, { documentType: 'REMINDER', validityDays: 20 });
    // A's fourth document lives 30 days: still outside the window after the 10-day move below.
    other = (await publish(sender, companyA.enterpriseNumber, { documentType: 'REMINDER', subject: { fr: `Rappel ${tag} A-long` } })) as unknown as Published;
    // New-message emails go out first; they are not warnings.
    const snapshot = await drain();
    await job('expiry-warnings');
    await job('notifier');
    expect((await emailsSince(snapshot)).filter((email) => email.to.includes(companyA.email) || email.to.includes(companyB.email))).toEqual([]);
    for (const [n, message] of [
      [companyA.enterpriseNumber, a1],
      [companyA.enterpriseNumber, a2],
      [companyB.enterpriseNumber, b1],
    ] as const) {
      const item = await storedMessage(n, message.messageId);
      expect(item).toMatchObject({ expiryPk: expect.stringMatching(new RegExp(`^EXP#${message.expiresAt.slice(0, 10)}#[0-${EXPIRY_SHARDS - 1}]$`)) });
      expect(item).not.toHaveProperty('warnedAt');
    }
  });

  it('10 days later (inside the 14-day window): one warning email per company, in its language, naming its documents', async () => {
    const snapshot = await drain();
    await advanceDays(10);
    const report = (await job('expiry-warnings')) as unknown as WarningReport;
    expect(report).toEqual({
      ran: 'expiry-warnings',
      days: WINDOW_DAYS + 1,
      queries: expect.any(Number),
      capacityUnits: expect.any(Number),
      documents: expect.any(Number),
      companies: expect.any(Number),
    });
    // Every partition of every day was read at least once; at least our 3 documents of 2 companies.
    expect(report.queries).toBeGreaterThanOrEqual(report.days * EXPIRY_SHARDS);
    expect(report.documents).toBeGreaterThanOrEqual(3);
    expect(report.companies).toBeGreaterThanOrEqual(2);
    expect(report.companies).toBeLessThanOrEqual(report.documents);
    expect(report.capacityUnits).toBeGreaterThan(0);

    await job('notifier');
    const toA = await emailsSince(snapshot, companyA.email);
    const toB = await emailsSince(snapshot, companyB.email);
    expect(toA).toHaveLength(1);
    expect(toB).toHaveLength(1);

    const senderFr = `Institution ${sender.senderId}`;
    const senderNl = `Instelling ${sender.senderId}`;
    const warningA = toA[0]!;
    expect(warningA.subject).toBe(`2 documents de l'e-Box de Company ${companyA.enterpriseNumber} expirent bientôt`);
    expect(warningA.text.split('\n')[0]).toBe(
      'Ces documents seront supprimés automatiquement de votre e-Box Enterprise à la fin de leur durée de validité. Pour ne pas les perdre, sauvegardez-les dans un espace de stockage de votre entreprise :',
    );
    expect(warningA.text.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      `- ${senderFr}: Rappel ${tag} A1 (supprimé le ${longDate(a1.expiresAt, 'fr-BE')})`,
      `- ${senderFr}: Rappel ${tag} A2 [recommandé] (supprimé le ${longDate(a2.expiresAt, 'fr-BE')})`,
    ]);
    expect(warningA.text).not.toContain(`${tag} A-long`);
    expect(warningA.text).toMatch(new RegExp(`^Ouvrez votre e-Box : https?://\\S+/enterprises/${companyA.enterpriseNumber}/messages$`, 'm'));

    const warningB = toB[0]!;
    expect(warningB.subject).toBe(`Een document in de e-Box van Company ${companyB.enterpriseNumber} vervalt binnenkort`);
    expect(warningB.text.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      `- ${senderNl}: Herinnering ${tag} B1 (verwijderd op ${longDate(b1.expiresAt, 'nl-BE')})`,
    ]);
    expect(warningB.text).toMatch(new RegExp(`^Open uw e-Box: https?://\\S+/enterprises/${companyB.enterpriseNumber}/messages$`, 'm'));

    // Each warned document left the expiry index and records when it was warned; the other did not.
    for (const [n, message] of [
      [companyA.enterpriseNumber, a1],
      [companyA.enterpriseNumber, a2],
      [companyB.enterpriseNumber, b1],
    ] as const) {
      const item = await storedMessage(n, message.messageId);
      expect(item).toBeDefined();
      expect(item).not.toHaveProperty('expiryPk');
      expect(item).not.toHaveProperty('expirySk');
      expect(Date.parse(String(item!.warnedAt))).toBeGreaterThan(Date.parse(message.publishedAt) + 9 * DAY_MS);
    }
    expect(await storedMessage(companyA.enterpriseNumber, other.messageId)).toHaveProperty('expiryPk');

    // A company without a notification email: no email, an audit entry for the skipped warning.
    const audit = await call<{ items: Array<{ action: string; actor: Record<string, unknown>; detail?: string }> }>(
      'GET',
      `/v1/enterprises/${silent.enterpriseNumber}/audit`,
      {
        token: await personToken(silent.manager.ssin, silent.manager.name),
      },
    );
    expect(audit.status).toBe(200);
    const skipped = audit.body.items.filter((entry) => entry.action === 'NOTIFICATION_SKIPPED');
    expect(skipped.map((entry) => entry.detail?.split(' ')[0])).toEqual(['EXPIRY_WARNING', 'NEW_MESSAGES']);
    expect(skipped[0]).toMatchObject({ actor: { clientId: 'e-box', name: 'e-Box Enterprise' }, detail: 'EXPIRY_WARNING (1)' });
  });

  it('a document is warned once: running the job again, even a day later, sends nothing more', async () => {
    const snapshot = await drain();
    const again = (await job('expiry-warnings')) as unknown as WarningReport;
    // Nothing entered the window since the last run (the clock did not move).
    expect(again).toMatchObject({ ran: 'expiry-warnings', days: WINDOW_DAYS + 1, documents: 0, companies: 0 });
    expect(again.queries).toBeGreaterThanOrEqual(again.days * EXPIRY_SHARDS);
    await job('notifier');
    expect((await emailsSince(snapshot)).filter((email) => email.to.includes(companyA.email) || email.to.includes(companyB.email))).toEqual([]);

    await advanceDays(1);
    await job('expiry-warnings');
    await job('notifier');
    const later = (await emailsSince(snapshot)).filter((email) => email.to.includes(companyA.email) || email.to.includes(companyB.email));
    expect(later.filter(isWarning)).toEqual([]);
    expect(later).toEqual([]);
  });

  it('a document published inside the window gets its new-message email and, at the next run, its warning: two kinds, each once', async () => {
    const company = await setupEnterprise({ language: 'en' });
    const snapshot = await drain({ expiry: true });
    const soon = (await publish(await publisher(), company.enterpriseNumber, {
      documentType: 'REMINDER',
      validityDays: 7,
      subject: { en: `Soon ${tag}` },
    })) as unknown as Published;
    await job('stream');
    await job('expiry-warnings');
    await job('notifier');
    await job('expiry-warnings');
    await job('stream');
    await job('notifier');
    const sent = await emailsSince(snapshot, company.email);
    expect(sent.map((email) => email.subject).sort()).toEqual(
      [
        `A document in the e-Box of Company ${company.enterpriseNumber} expires soon`,
        `New document in the e-Box of Company ${company.enterpriseNumber}`,
      ].sort(),
    );
    const warning = sent.find(isWarning)!;
    expect(warning.text.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      `- Institution ${sender.senderId}: Soon ${tag} (deleted on ${longDate(soon.expiresAt, 'en-GB')})`,
    ]);
  });

  it('a warning still queued when its document expires is dropped: no email about a document that is gone', async () => {
    const company = await setupEnterprise({ language: 'fr' });
    const snapshot = await drain({ expiry: true });
    const brief = (await publish(await publisher(), company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 1 })) as unknown as Published;
    await job('stream');
    await job('notifier');
    expect((await emailsSince(snapshot, company.email)).map((email) => email.subject)).toEqual([
      `Nouveau document dans l'e-Box de Company ${company.enterpriseNumber}`,
    ]);
    const report = (await job('expiry-warnings')) as unknown as WarningReport;
    expect(report).toMatchObject({ documents: 1, companies: 1 });
    // The notifier only runs after the document expired.
    await advanceDays(2);
    await job('notifier');
    expect((await emailsSince(snapshot, company.email)).filter(isWarning)).toEqual([]);
    expect(await storedMessage(company.enterpriseNumber, brief.messageId)).toHaveProperty('warnedAt');
  });
});
