import '../fixtures/quiet-logs';
import { NOTIFICATIONS_QUEUE } from '../../../infra/definitions';
import type { NotificationJob } from '../../../shared/domain/notification';
import { sendNotifications, type QueuedJob } from '../../../shared/services/notify';
import { FakeClock } from '../fakes/clock';
import { testSettings } from '../fakes/settings';
import { FakeEnterprises } from '../fakes/enterprises';
import { enterpriseNumber } from '../fakes/ids';
import { aMessage } from '../fakes/messages';
import { CLAIM_LEASE_MS, FakeAudit, FakeMailer, FakeNotifications } from '../fakes/notifications';
import { FakeMetrics } from '../fakes/metrics';

const NOW = '2026-03-10T09:00:00.000Z';
const ALPHA = enterpriseNumber('01234567');
const BRAVO = enterpriseNumber('02345678');
const SILENT = enterpriseNumber('03456789');
const UNKNOWN = enterpriseNumber('04567890');

const subjects: Record<string, string> = {
  A1: 'Aanslagbiljet 2026',
  A2: 'Herinnering RSZ-bijdragen',
  A3: 'Belasting op uithangborden',
  B1: 'Avis de cotisation',
  S1: 'Rien',
};

function setup() {
  const enterprises = new FakeEnterprises();
  enterprises.addProfile({ enterpriseNumber: ALPHA, name: 'Alpha NV', notificationEmail: 'mail@alpha.be', language: 'nl' });
  enterprises.addProfile({ enterpriseNumber: BRAVO, name: 'Bravo SRL', notificationEmail: 'info@bravo.be', language: 'fr' });
  enterprises.addProfile({ enterpriseNumber: SILENT, name: 'Silent SA', language: 'fr' });
  const notifications = new FakeNotifications();
  const message = (messageId: string, enterprise: typeof ALPHA, expiresAt = '2026-05-01T09:00:00.000Z') =>
    notifications.addMessage(
      aMessage({ messageId, enterpriseNumber: enterprise, subject: { nl: subjects[messageId] ?? messageId, fr: subjects[messageId] ?? messageId }, expiresAt }),
    );
  message('A1', ALPHA);
  message('A2', ALPHA);
  message('A3', ALPHA);
  message('B1', BRAVO);
  message('S1', SILENT);
  const mailer = new FakeMailer();
  const audit = new FakeAudit();
  const clock = new FakeClock(NOW);
  const deps = {
    enterprises: enterprises,
    notifications: notifications,
    mailer: mailer,
    audit: audit,
    clock: clock,
    settings: testSettings({ portalUrl: 'https://portal.ebox.example/' }),
    metrics: new FakeMetrics(),
  };
  return { enterprises, notifications, mailer, audit, clock, message, deps };
}

const job = (recordId: string, kind: NotificationJob['kind'], enterprise: typeof ALPHA, messageIds: string[]): QueuedJob => ({
  recordId,
  job: { kind, enterpriseNumber: enterprise, messageIds },
});
const mailsTo = (mailer: FakeMailer, to: string) => mailer.sent.filter((email) => email.to === to);

describe('sendNotifications', () => {
  it('sends one email per company and kind, naming every message of the group', async () => {
    const { deps, mailer } = setup();
    const failed = await sendNotifications(deps, [
      job('r1', 'NEW_MESSAGES', ALPHA, ['A1']),
      job('r2', 'NEW_MESSAGES', BRAVO, ['B1']),
      job('r3', 'NEW_MESSAGES', ALPHA, ['A2', 'A3']),
      job('r4', 'EXPIRY_WARNING', ALPHA, ['A1']),
    ]);
    expect(failed).toEqual([]);
    expect(mailer.sent).toHaveLength(3);
    const alpha = mailsTo(mailer, 'mail@alpha.be');
    expect(alpha).toHaveLength(2);
    const news = alpha.find((email) => email.subject.includes('nieuwe documenten'));
    expect(news?.subject).toContain('3');
    expect(news?.subject).toContain('Alpha NV');
    for (const id of ['A1', 'A2', 'A3']) expect(news?.text).toContain(subjects[id]);
    const warning = alpha.find((email) => email !== news);
    expect(warning?.subject).toContain('vervalt binnenkort');
    expect(warning?.text).toContain(subjects.A1);
    expect(warning?.text).not.toContain(subjects.A2);
    const bravo = mailsTo(mailer, 'info@bravo.be');
    expect(bravo).toHaveLength(1);
    expect(bravo[0]?.subject).toContain('Bravo SRL');
    expect(bravo[0]?.subject).toContain('Nouveau document');
    expect(bravo[0]?.text).toContain(subjects.B1);
    expect(bravo[0]?.text).not.toContain(subjects.A1);
  });

  it("links to the company's messages on the portal", async () => {
    const { deps, mailer } = setup();
    await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1'])]);
    expect(mailer.sent[0]?.text).toContain(`https://portal.ebox.example/enterprises/${ALPHA}/messages`);
    expect(mailer.sent[0]?.html).toContain(`href="https://portal.ebox.example/enterprises/${ALPHA}/messages"`);
  });

  it('names a message once when two records of the batch carry it', async () => {
    const { deps, mailer } = setup();
    await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1']), job('r2', 'NEW_MESSAGES', ALPHA, ['A1'])]);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.subject).toContain('Nieuw document');
    expect(mailer.sent[0]?.text.split(subjects.A1 ?? '?')).toHaveLength(2);
  });

  it('does not email a message again when a batch is retried', async () => {
    const { deps, mailer, notifications } = setup();
    const batch = [job('r1', 'NEW_MESSAGES', ALPHA, ['A1', 'A2'])];
    await sendNotifications(deps, batch);
    const failed = await sendNotifications(deps, batch);
    expect(failed).toEqual([]);
    expect(mailer.sent).toHaveLength(1);
    expect(notifications.claims.get('A1#NEW_MESSAGES')).toMatchObject({ status: 'SENT', sentAt: NOW, emailId: 'email-1' });
  });

  it('leaves out messages another notifier already claimed', async () => {
    const { deps, mailer, notifications } = setup();
    notifications.claimElsewhere('A1', 'NEW_MESSAGES');
    await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1', 'A2'])]);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.text).toContain(subjects.A2);
    expect(mailer.sent[0]?.text).not.toContain(subjects.A1);
  });

  it('sends nothing when every message was already claimed', async () => {
    const { deps, mailer, notifications } = setup();
    notifications.claimElsewhere('A1', 'NEW_MESSAGES', 'SENT');
    await expect(sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1'])])).resolves.toEqual([]);
    expect(mailer.sent).toEqual([]);
  });

  it('claims per kind: a message announced as new is still warned before expiry', async () => {
    const { deps, mailer } = setup();
    await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1'])]);
    await sendNotifications(deps, [job('r2', 'EXPIRY_WARNING', ALPHA, ['A1'])]);
    expect(mailer.sent).toHaveLength(2);
  });

  it('skips a company without notification email: no email, an audit entry, no failure', async () => {
    const { deps, mailer, audit, notifications } = setup();
    const failed = await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', SILENT, ['S1']), job('r2', 'NEW_MESSAGES', BRAVO, ['B1'])]);
    expect(failed).toEqual([]);
    expect(mailsTo(mailer, 'info@bravo.be')).toHaveLength(1);
    expect(mailer.sent).toHaveLength(1);
    expect(audit.entries).toEqual([{ enterpriseNumber: SILENT, entry: expect.objectContaining({ action: 'NOTIFICATION_SKIPPED', at: NOW }) }]);
    expect(audit.entries[0]?.entry.actor).toBeDefined();
    expect(notifications.claims.has('S1#NEW_MESSAGES')).toBe(false);
  });

  it('skips a company that is not registered at all, without audit or failure', async () => {
    const { deps, mailer, audit } = setup();
    await expect(sendNotifications(deps, [job('r1', 'NEW_MESSAGES', UNKNOWN, ['X1'])])).resolves.toEqual([]);
    expect(mailer.sent).toEqual([]);
    expect(audit.entries).toEqual([]);
  });

  it("returns the failed group's record ids and releases its claims when the mailer throws", async () => {
    const { deps, mailer, notifications } = setup();
    mailer.failWhen = (email) => email.to === 'mail@alpha.be';
    const failed = await sendNotifications(deps, [
      job('r1', 'NEW_MESSAGES', ALPHA, ['A1']),
      job('r2', 'NEW_MESSAGES', BRAVO, ['B1']),
      job('r3', 'NEW_MESSAGES', ALPHA, ['A2']),
    ]);
    expect(failed.sort()).toEqual(['r1', 'r3']);
    expect(mailsTo(mailer, 'info@bravo.be')).toHaveLength(1);
    expect(notifications.released).toEqual([{ messageIds: expect.arrayContaining(['A1', 'A2']), kind: 'NEW_MESSAGES' }]);
    expect(notifications.claims.has('A1#NEW_MESSAGES')).toBe(false);
    expect(notifications.claims.has('A2#NEW_MESSAGES')).toBe(false);
    expect(notifications.claims.get('B1#NEW_MESSAGES')?.status).toBe('SENT');
    expect(deps.metrics.counts).toEqual({ EmailsSent: 1, EmailsFailed: 1 });
  });

  it('sends on the retry after a failure', async () => {
    const { deps, mailer } = setup();
    mailer.failWhen = () => true;
    const batch = [job('r1', 'NEW_MESSAGES', ALPHA, ['A1'])];
    await expect(sendNotifications(deps, batch)).resolves.toEqual(['r1']);
    mailer.failWhen = () => false;
    await expect(sendNotifications(deps, batch)).resolves.toEqual([]);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.text).toContain(subjects.A1);
  });

  it('leaves out expired messages, from the exact expiry instant on', async () => {
    const { deps, mailer, message } = setup();
    message('A1', ALPHA, NOW);
    message('A2', ALPHA, '2026-03-10T08:59:59.999Z');
    await sendNotifications(deps, [job('r1', 'EXPIRY_WARNING', ALPHA, ['A1', 'A2', 'A3'])]);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.text).toContain(subjects.A3);
    expect(mailer.sent[0]?.text).not.toContain(subjects.A1);
    expect(mailer.sent[0]?.text).not.toContain(subjects.A2);
    expect(mailer.sent[0]?.subject).toContain('Een document');
  });

  it('sends nothing, and does not retry, when every message expired or is gone', async () => {
    const { deps, mailer, message, notifications } = setup();
    message('A1', ALPHA, '2026-03-01T00:00:00.000Z');
    const failed = await sendNotifications(deps, [job('r1', 'EXPIRY_WARNING', ALPHA, ['A1', 'GONE'])]);
    expect(failed).toEqual([]);
    expect(mailer.sent).toEqual([]);
    expect(notifications.released).toEqual([]);
    expect(notifications.claims.get('A1#EXPIRY_WARNING')?.status).toBe('SENT');
  });

  it('writes the email in the company language, naming the sender', async () => {
    const { deps, mailer } = setup();
    await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', BRAVO, ['B1'])]);
    expect(mailer.sent[0]?.text).toContain('SPF Finances');
    expect(mailer.sent[0]?.text).toContain('Un nouveau document');
  });

  it('falls back to the enterprise number when the company has no name', async () => {
    const { deps, mailer, enterprises } = setup();
    enterprises.addProfile({ enterpriseNumber: ALPHA, notificationEmail: 'mail@alpha.be', language: 'en' });
    await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1'])]);
    expect(mailer.sent[0]?.subject).toContain(ALPHA);
  });
});

describe('sendNotifications claims', () => {
  /** SQS delivers a failed record again after the queue's visibility timeout (180 s), before a claim's lease (5 min) runs out. */
  const REDELIVERY_MS = NOTIFICATIONS_QUEUE.visibilityTimeoutSeconds * 1000;

  it('takes over the claim of a notifier that crashed more than a lease ago', async () => {
    const { deps, mailer, notifications } = setup();
    notifications.claimElsewhere('A1', 'NEW_MESSAGES', 'CLAIMED', new Date(Date.parse(NOW) - CLAIM_LEASE_MS - 1).toISOString());
    await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1'])]);
    expect(mailer.sent).toHaveLength(1);
  });

  it('leaves a fresh claim of another notifier alone', async () => {
    const { deps, mailer, notifications } = setup();
    notifications.claimElsewhere('A1', 'NEW_MESSAGES', 'CLAIMED', new Date(Date.parse(NOW) - 60_000).toISOString());
    await sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1'])]);
    expect(mailer.sent).toEqual([]);
  });

  it('gives back the claims it took when a later claim of the same email fails', async () => {
    const { deps, notifications } = setup();
    notifications.claimFailures.set('A2', 1);
    await expect(sendNotifications(deps, [job('r1', 'NEW_MESSAGES', ALPHA, ['A1', 'A2', 'A3'])])).resolves.toEqual(['r1']);
    expect(notifications.claims.has('A1#NEW_MESSAGES')).toBe(false);
  });

  it('emails every message of a record that failed on a claim, once SQS redelivers it', async () => {
    const { deps, mailer, notifications, clock } = setup();
    notifications.claimFailures.set('A2', 1);
    const batch = [job('r1', 'NEW_MESSAGES', ALPHA, ['A1', 'A2', 'A3'])];
    await expect(sendNotifications(deps, batch)).resolves.toEqual(['r1']);
    clock.advance(REDELIVERY_MS);
    await expect(sendNotifications(deps, batch)).resolves.toEqual([]);
    const emailed = mailer.sent.map((email) => email.text).join('\n');
    for (const id of ['A1', 'A2', 'A3']) expect(emailed).toContain(subjects[id]);
  });
});
