import { call, clientToken, personToken, runJob } from './support/api';
import {
  publish,
  randomEnterpriseNumber,
  randomSsin,
  samplePdf,
  setupEnterprise,
  setupSender,
  uniqueId,
  type EnterpriseSetup,
  type SenderSetup,
} from './support/fixtures';
import {
  download,
  expectProblem,
  ISO_MS,
  plusDays,
  sha256Base64,
  sha256Hex,
  storedDocuments,
  storedIdempotency,
  storedMessages,
  ULID,
} from './support/mailbox-store';

/**
 * The mailbox, end to end over HTTP: an institution publishes, the company lists, opens,
 * downloads and marks its messages; the institution follows the delivery; replays are idempotent.
 */

interface SentView {
  messageId: string;
  recipient: string;
  documentType: string;
  subject: Record<string, string>;
  registered: boolean;
  replyable: boolean;
  externalId?: string;
  publishedAt: string;
  expiresAt: string;
  status: 'DELIVERED' | 'READ' | 'EXPIRED';
  firstReadAt?: string;
  attachments: Array<{ attachmentId: string; fileName: string; mediaType: string; size: number; sha256: string }>;
}

interface Summary {
  messageId: string;
  sender: { senderId: string; name: Record<string, string> };
  documentType: { code: string; name: Record<string, string> };
  subject: Record<string, string>;
  registered: boolean;
  replyable: boolean;
  publishedAt: string;
  expiresAt: string;
  expiresSoon: boolean;
  read: boolean;
  readAt?: string;
  attachmentCount: number;
}

interface Page<T> {
  items: T[];
  pageSize: number;
  self: string;
  next?: string;
}

const inline = (pdf: Buffer, fileName = 'avis.pdf') => ({ fileName, mediaType: 'application/pdf', contentBase64: pdf.toString('base64') });
const inboxOf = (company: EnterpriseSetup) =>
  call<Page<Summary>>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: company.manager.token });
const unreadCount = async (company: EnterpriseSetup) => {
  const profile = await call<{ unreadCount: number }>('GET', `/v1/enterprises/${company.enterpriseNumber}`, { token: company.manager.token });
  expect(profile.status).toBe(200);
  return profile.body.unreadCount;
};
const sentView = (sender: SenderSetup, messageId: string) => call<SentView>('GET', `/v1/messages/${messageId}`, { token: sender.token });

/** Emails SES would have sent to the company, once the stream and the notifier have run. */
async function emailsTo(company: EnterpriseSetup) {
  expect((await runJob('stream')).status).toBe(200);
  expect((await runJob('notifier')).status).toBe(200);
  const emails = await call<{ items: Array<{ to: string[] }> }>('GET', '/local/emails');
  return emails.body.items.filter((email) => email.to.includes(company.email));
}

const senderName = (sender: SenderSetup) => ({ fr: `Institution ${sender.senderId}`, nl: `Instelling ${sender.senderId}` });
const TAX_NOTICE = { code: 'TAX_NOTICE', name: { fr: "Avis d'imposition", nl: 'Aanslagbiljet' } };
const REMINDER = { code: 'REMINDER', name: { fr: 'Rappel', nl: 'Herinnering' } };

describe('publish → inbox → open → download → mark read', () => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;
  const pdf = samplePdf(`flow ${uniqueId('pdf')}`);
  const subject = { fr: 'Avis d’imposition 2026', nl: 'Aanslagbiljet 2026' };
  const body = { fr: 'Veuillez trouver votre avis en annexe.', nl: 'In bijlage vindt u uw aanslagbiljet.' };
  let externalId: string;
  let published: SentView;

  beforeAll(async () => {
    [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
    externalId = uniqueId('AVIS-2026');
  });

  it('publishes a message to a company: 201, Location and the sender view', async () => {
    const n = company.enterpriseNumber;
    const dotted = `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;
    const response = await call<SentView>('POST', '/v1/messages', {
      token: sender.token,
      body: { recipient: dotted, documentType: 'TAX_NOTICE', subject, body, externalId, attachments: [inline(pdf, 'avis-2026.pdf')] },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('belgov-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
    published = response.body;
    expect(response.headers.get('location')).toBe(`/v1/messages/${published.messageId}`);
    expect(published).toStrictEqual({
      messageId: expect.stringMatching(ULID),
      recipient: n,
      documentType: 'TAX_NOTICE',
      subject,
      registered: false,
      replyable: false,
      externalId,
      publishedAt: expect.stringMatching(ISO_MS),
      expiresAt: expect.stringMatching(ISO_MS),
      status: 'DELIVERED',
      attachments: [
        { attachmentId: expect.stringMatching(ULID), fileName: 'avis-2026.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf) },
      ],
    });
    expect(published.expiresAt).toBe(plusDays(published.publishedAt, 180));
    const clock = await call<{ now: string }>('GET', '/local/clock');
    expect(Date.parse(published.publishedAt)).toBeLessThanOrEqual(Date.parse(clock.body.now));
    expect(Date.parse(clock.body.now) - Date.parse(published.publishedAt)).toBeLessThan(60_000);
  });

  it('shows the sender view as DELIVERED, without firstReadAt, before the company reads', async () => {
    const response = await sentView(sender, published.messageId);
    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual(published);
    expect(response.body).not.toHaveProperty('firstReadAt');
  });

  it('lists the message in the company inbox with its summary, and counts it unread', async () => {
    const response = await inboxOf(company);
    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual({
      items: [
        {
          messageId: published.messageId,
          sender: { senderId: sender.senderId, name: senderName(sender) },
          documentType: TAX_NOTICE,
          subject,
          registered: false,
          replyable: false,
          publishedAt: published.publishedAt,
          expiresAt: published.expiresAt,
          expiresSoon: false,
          read: false,
          attachmentCount: 1,
        },
      ],
      pageSize: 25,
      self: `/v1/enterprises/${company.enterpriseNumber}/messages`,
    });
    expect(await unreadCount(company)).toBe(1);
  });

  it('opens the message: summary, body, attachments with href, replies; opening marks it read', async () => {
    const n = company.enterpriseNumber;
    const response = await call('GET', `/v1/enterprises/${n}/messages/${published.messageId}`, { token: company.manager.token });
    expect(response.status).toBe(200);
    const attachment = published.attachments[0]!;
    expect(response.body).toStrictEqual({
      messageId: published.messageId,
      sender: { senderId: sender.senderId, name: senderName(sender) },
      documentType: TAX_NOTICE,
      subject,
      registered: false,
      replyable: false,
      publishedAt: published.publishedAt,
      expiresAt: published.expiresAt,
      expiresSoon: false,
      read: true,
      readAt: expect.stringMatching(ISO_MS),
      attachmentCount: 1,
      body,
      attachments: [
        {
          ...attachment,
          href: `/v1/enterprises/${n}/messages/${published.messageId}/attachments/${attachment.attachmentId}/content`,
        },
      ],
      replies: [],
    });
    expect(await unreadCount(company)).toBe(0);
  });

  it('shows the sender view as READ with firstReadAt once the company has read it', async () => {
    const response = await sentView(sender, published.messageId);
    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual({ ...published, status: 'READ', firstReadAt: expect.stringMatching(ISO_MS) });
    expect(Date.parse(response.body.firstReadAt!)).toBeGreaterThanOrEqual(Date.parse(published.publishedAt));
  });

  it('downloads the PDF: 302 to a presigned URL with Repr-Digest; the bytes are the published ones', async () => {
    const attachment = published.attachments[0]!;
    const { redirect, bytes, fetched } = await download(company.manager.token, company.enterpriseNumber, published.messageId, attachment.attachmentId);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('belgov-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(redirect.headers.get('location')).toMatch(/^https?:\/\//);
    expect(redirect.headers.get('repr-digest')).toBe(`sha-256=:${sha256Base64(pdf)}:`);
    expect(fetched?.status).toBe(200);
    expect(bytes).toEqual(pdf);
    expect(sha256Hex(bytes!)).toBe(attachment.sha256);
    expect(`sha-256=:${sha256Base64(bytes!)}:`).toBe(redirect.headers.get('repr-digest'));
  });

  it('answers 404 for an attachment the message does not have', async () => {
    const other = published.attachments[0]!.attachmentId.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    const response = await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages/${published.messageId}/attachments/${other}/content`, {
      token: company.manager.token,
    });
    expectProblem(response, 404, 'urn:problem-type:belgif:resourceNotFound');
  });

  it('marks the message read: 200 summary with readAt, and the unread count goes down', async () => {
    const n = company.enterpriseNumber;
    const response = await call<Summary>('PATCH', `/v1/enterprises/${n}/messages/${published.messageId}`, {
      token: company.manager.token,
      body: { read: true },
    });
    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual({
      messageId: published.messageId,
      sender: { senderId: sender.senderId, name: senderName(sender) },
      documentType: TAX_NOTICE,
      subject,
      registered: false,
      replyable: false,
      publishedAt: published.publishedAt,
      expiresAt: published.expiresAt,
      expiresSoon: false,
      read: true,
      readAt: expect.stringMatching(ISO_MS),
      attachmentCount: 1,
    });
    expect(await unreadCount(company)).toBe(0);
    const inbox = await inboxOf(company);
    expect(inbox.body.items).toStrictEqual([response.body]);
  });

  it('marking it read again changes nothing (the unread count never goes below zero)', async () => {
    const n = company.enterpriseNumber;
    const before = (await inboxOf(company)).body.items[0]!;
    const again = await call<Summary>('PATCH', `/v1/enterprises/${n}/messages/${published.messageId}`, { token: company.manager.token, body: { read: true } });
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual(before);
    expect(await unreadCount(company)).toBe(0);
  });

  it('marks it unread again: read false without readAt, and the unread count goes back up', async () => {
    const n = company.enterpriseNumber;
    const response = await call<Summary>('PATCH', `/v1/enterprises/${n}/messages/${published.messageId}`, {
      token: company.manager.token,
      body: { read: false },
    });
    expect(response.status).toBe(200);
    expect(response.body.read).toBe(false);
    expect(response.body).not.toHaveProperty('readAt');
    expect(await unreadCount(company)).toBe(1);
    const back = await call<Summary>('PATCH', `/v1/enterprises/${n}/messages/${published.messageId}`, { token: company.manager.token, body: { read: true } });
    expect(back.body.read).toBe(true);
    expect(await unreadCount(company)).toBe(0);
  });

  it('answers concurrent PATCH {read: true} of one message each with read true, and counts it once', async () => {
    const n = company.enterpriseNumber;
    for (let round = 0; round < 3; round += 1) {
      const other = (await publish(sender, n)) as unknown as SentView;
      const before = await unreadCount(company);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          call<Summary>('PATCH', `/v1/enterprises/${n}/messages/${other.messageId}`, { token: company.manager.token, body: { read: true } }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(responses.map((response) => response.body.read)).toEqual(Array(20).fill(true));
      expect(responses.map((response) => ISO_MS.test(response.body.readAt ?? ''))).toEqual(Array(20).fill(true));
      expect(await unreadCount(company)).toBe(before - 1);
    }
  });

  it('refuses a PATCH with anything but {read: boolean}', async () => {
    const n = company.enterpriseNumber;
    const path = `/v1/enterprises/${n}/messages/${published.messageId}`;
    const wrongType = await call('PATCH', path, { token: company.manager.token, body: { read: 'yes' } });
    expect(expectProblem(wrongType, 400, 'urn:problem-type:belgif:badRequest').issues).toEqual([expect.objectContaining({ in: 'body', name: 'read' })]);
    const unknown = await call('PATCH', path, { token: company.manager.token, body: { read: true, starred: true } });
    expect(expectProblem(unknown, 400, 'urn:problem-type:belgif:badRequest').issues).toEqual([
      expect.objectContaining({ in: 'body', name: 'starred', type: 'urn:problem-type:belgif:input-validation:unknownInput' }),
    ]);
  });

  it('keeps the first read as the proof of receipt: firstReadAt does not move on later reads', async () => {
    const first = (await sentView(sender, published.messageId)).body.firstReadAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reread = await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages/${published.messageId}`, { token: company.manager.token });
    expect(reread.status).toBe(200);
    const later = await sentView(sender, published.messageId);
    expect(later.body.status).toBe('READ');
    expect(later.body.firstReadAt).toBe(first);
  });
});

describe('registered messages', () => {
  it('get firstReadAt on the first download, without opening the message', async () => {
    const [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
    const pdf = samplePdf(`registered ${uniqueId('pdf')}`);
    const message = (await publish(sender, company.enterpriseNumber, {
      registered: true,
      attachments: [inline(pdf, 'recommande.pdf')],
    })) as unknown as SentView;
    expect(message.registered).toBe(true);
    const before = await sentView(sender, message.messageId);
    expect(before.body.status).toBe('DELIVERED');
    expect(before.body).not.toHaveProperty('firstReadAt');

    const inbox = await inboxOf(company);
    expect(inbox.body.items).toEqual([expect.objectContaining({ messageId: message.messageId, registered: true, read: false })]);
    // Listing the inbox is not reading.
    expect((await sentView(sender, message.messageId)).body.status).toBe('DELIVERED');

    const { redirect, bytes } = await download(company.manager.token, company.enterpriseNumber, message.messageId, message.attachments[0]!.attachmentId);
    expect(redirect.status).toBe(302);
    expect(bytes).toEqual(pdf);

    const after = await sentView(sender, message.messageId);
    expect(after.status).toBe(200);
    expect(after.body).toStrictEqual({ ...before.body, status: 'READ', firstReadAt: expect.stringMatching(ISO_MS) });

    // A later download or read keeps the first instant.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await download(company.manager.token, company.enterpriseNumber, message.messageId, message.attachments[0]!.attachmentId);
    await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages/${message.messageId}`, { token: company.manager.token });
    expect((await sentView(sender, message.messageId)).body.firstReadAt).toBe(after.body.firstReadAt);
  });
});

describe('what a publication may carry', () => {
  let sender: SenderSetup;
  beforeAll(async () => {
    sender = await setupSender();
  });

  it('accepts the BE form of the recipient and returns it as 10 digits', async () => {
    const company = await setupEnterprise();
    const response = await call<SentView>('POST', '/v1/messages', {
      token: sender.token,
      body: { recipient: `BE${company.enterpriseNumber}`, documentType: 'REMINDER', subject: { nl: 'Herinnering' }, attachments: [inline(samplePdf())] },
    });
    expect(response.status).toBe(201);
    expect(response.body.recipient).toBe(company.enterpriseNumber);
    expect((await inboxOf(company)).body.items.map((item) => item.messageId)).toEqual([response.body.messageId]);
  });

  it('accepts a message without attachments, replyable and registered flags, and a shorter validity', async () => {
    const company = await setupEnterprise();
    const response = await call<SentView>('POST', '/v1/messages', {
      token: sender.token,
      body: {
        recipient: company.enterpriseNumber,
        documentType: 'REMINDER',
        subject: { en: 'Reminder' },
        body: { en: 'Please pay.' },
        registered: true,
        replyable: true,
        validityDays: 30,
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ registered: true, replyable: true, documentType: 'REMINDER', attachments: [] });
    expect(response.body).not.toHaveProperty('externalId');
    expect(response.body.expiresAt).toBe(plusDays(response.body.publishedAt, 30));
    const inbox = await inboxOf(company);
    expect(inbox.body.items).toStrictEqual([
      expect.objectContaining({ messageId: response.body.messageId, documentType: REMINDER, registered: true, replyable: true, attachmentCount: 0 }),
    ]);

    const shorter = await publish(sender, company.enterpriseNumber, { validityDays: 90 });
    const view = (await sentView(sender, shorter.messageId)).body;
    expect(view.expiresAt).toBe(plusDays(view.publishedAt, 90));
  });

  it('accepts a subject of exactly 200 characters, ten attachments, and exactly 4 MiB of inline PDFs', async () => {
    const company = await setupEnterprise();
    const subject = { fr: 's'.repeat(200) };
    const ten = Array.from({ length: 10 }, (_, index) => inline(samplePdf(`part ${index}`), `part-${index}.pdf`));
    const tenResponse = await call<SentView>('POST', '/v1/messages', {
      token: sender.token,
      body: { recipient: company.enterpriseNumber, documentType: 'TAX_NOTICE', subject, attachments: ten },
    });
    expect(tenResponse.status).toBe(201);
    expect(tenResponse.body.subject).toEqual(subject);
    expect(tenResponse.body.attachments.map((attachment) => attachment.fileName)).toEqual(ten.map((attachment) => attachment.fileName));

    const half = 2 * 1024 * 1024;
    const big = [
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(half - 9, 'a')]),
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(half - 9, 'b')]),
    ];
    const bigResponse = await call<SentView>('POST', '/v1/messages', {
      token: sender.token,
      body: {
        recipient: company.enterpriseNumber,
        documentType: 'TAX_NOTICE',
        subject: { fr: 'Gros' },
        attachments: big.map((pdf, index) => inline(pdf, `big-${index}.pdf`)),
      },
    });
    expect(bigResponse.status).toBe(201);
    expect(bigResponse.body.attachments.map((attachment) => [attachment.size, attachment.sha256])).toEqual(big.map((pdf) => [pdf.length, sha256Hex(pdf)]));
    const second = bigResponse.body.attachments[1]!;
    const { bytes } = await download(company.manager.token, company.enterpriseNumber, bigResponse.body.messageId, second.attachmentId);
    expect(bytes?.equals(big[1]!)).toBe(true);
    expect((await storedDocuments(company.enterpriseNumber)).length).toBe(12);
  });

  it('delivers to a company that is not registered in the e-Box (any valid enterprise number)', async () => {
    const recipient = randomEnterpriseNumber();
    const response = await call<SentView>('POST', '/v1/messages', {
      token: sender.token,
      body: { recipient, documentType: 'TAX_NOTICE', subject: { fr: 'Bienvenue' }, attachments: [inline(samplePdf())] },
    });
    expect(response.status).toBe(201);
    expect(response.body.recipient).toBe(recipient);
    expect((await storedMessages(recipient)).map((item) => item.messageId)).toEqual([response.body.messageId]);
  });
});

describe('idempotent publication by externalId', () => {
  let sender: SenderSetup;
  beforeAll(async () => {
    sender = await setupSender();
  });

  const request = (recipient: string, externalId: string, pdf: Buffer, subject = { fr: 'Avis' }) => ({
    recipient,
    documentType: 'TAX_NOTICE',
    subject,
    externalId,
    attachments: [inline(pdf)],
  });

  it('replays the same request sequentially: 200 with the same message, nothing stored twice', async () => {
    const company = await setupEnterprise();
    const externalId = uniqueId('AVIS');
    const pdf = samplePdf(externalId);
    const first = await call<SentView>('POST', '/v1/messages', { token: sender.token, body: request(company.enterpriseNumber, externalId, pdf) });
    expect(first.status).toBe(201);
    const again = await call<SentView>('POST', '/v1/messages', { token: sender.token, body: request(company.enterpriseNumber, externalId, pdf) });
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual(first.body);

    // The same enterprise number in another accepted format is the same content.
    const formatted = await call<SentView>('POST', '/v1/messages', { token: sender.token, body: request(`BE${company.enterpriseNumber}`, externalId, pdf) });
    expect(formatted.status).toBe(200);
    expect(formatted.body.messageId).toBe(first.body.messageId);

    const inbox = await inboxOf(company);
    expect(inbox.body.items.map((item) => item.messageId)).toEqual([first.body.messageId]);
    expect(await storedMessages(company.enterpriseNumber)).toHaveLength(1);
    expect(await storedDocuments(company.enterpriseNumber)).toHaveLength(1);
    expect(await unreadCount(company)).toBe(1);
    expect(await emailsTo(company)).toHaveLength(1); // no second email
  });

  it('publishes 20 identical concurrent requests exactly once', async () => {
    const company = await setupEnterprise();
    const externalId = uniqueId('RACE');
    const pdf = samplePdf(externalId);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        call<SentView>('POST', '/v1/messages', { token: sender.token, body: request(company.enterpriseNumber, externalId, pdf) }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 200 && status !== 201)).toEqual([]);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    const ids = new Set(responses.map((response) => response.body.messageId));
    expect(ids.size).toBe(1);
    const [messageId] = [...ids];
    expect(messageId).toMatch(ULID);

    const inbox = await inboxOf(company);
    expect(inbox.body.items.map((item) => item.messageId)).toEqual([messageId]);
    expect((await storedMessages(company.enterpriseNumber)).map((item) => item.messageId)).toEqual([messageId]);
    expect((await storedDocuments(company.enterpriseNumber)).filter((key) => !key.startsWith(`documents/${company.enterpriseNumber}/${messageId}/`))).toEqual(
      [],
    );
    expect(await storedDocuments(company.enterpriseNumber)).toHaveLength(1);
    expect(await unreadCount(company)).toBe(1);
    expect((await storedIdempotency(sender.senderId, externalId))?.messageId).toBe(messageId);
    expect(await emailsTo(company)).toHaveLength(1);
  });

  it('publishes 10 concurrent requests with one externalId but different subjects exactly once: one 201, nine 409', async () => {
    const company = await setupEnterprise();
    const externalId = uniqueId('RACE-CONFLICT');
    const pdf = samplePdf(externalId);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        call<SentView>('POST', '/v1/messages', { token: sender.token, body: request(company.enterpriseNumber, externalId, pdf, { fr: `Avis ${index}` }) }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((response) => response.status === 409)) expectProblem(refused, 409, 'urn:problem-type:ebox:externalIdConflict');
    const winner = responses.find((response) => response.status === 201)!.body;
    expect((await inboxOf(company)).body.items.map((item) => item.messageId)).toEqual([winner.messageId]);
    expect(await storedDocuments(company.enterpriseNumber)).toHaveLength(1);
    expect(await unreadCount(company)).toBe(1);
  });

  it('refuses the same externalId with a different subject or PDF: 409 externalIdConflict, nothing added', async () => {
    const company = await setupEnterprise();
    const externalId = uniqueId('CONFLICT');
    const pdf = samplePdf(externalId);
    const first = await call<SentView>('POST', '/v1/messages', { token: sender.token, body: request(company.enterpriseNumber, externalId, pdf) });
    expect(first.status).toBe(201);

    const otherSubject = await call('POST', '/v1/messages', {
      token: sender.token,
      body: request(company.enterpriseNumber, externalId, pdf, { fr: 'Autre avis' }),
    });
    expect(expectProblem(otherSubject, 409, 'urn:problem-type:ebox:externalIdConflict').detail).toContain(externalId);

    const otherPdf = await call('POST', '/v1/messages', {
      token: sender.token,
      body: request(company.enterpriseNumber, externalId, samplePdf('another document')),
    });
    expectProblem(otherPdf, 409, 'urn:problem-type:ebox:externalIdConflict');

    const otherRecipient = await setupEnterprise();
    const elsewhere = await call('POST', '/v1/messages', { token: sender.token, body: request(otherRecipient.enterpriseNumber, externalId, pdf) });
    expectProblem(elsewhere, 409, 'urn:problem-type:ebox:externalIdConflict');
    expect((await inboxOf(otherRecipient)).body.items).toEqual([]);
    expect(await storedDocuments(otherRecipient.enterpriseNumber)).toEqual([]);

    expect((await inboxOf(company)).body.items.map((item) => item.messageId)).toEqual([first.body.messageId]);
    expect(await storedDocuments(company.enterpriseNumber)).toHaveLength(1);
    expect(await unreadCount(company)).toBe(1);
    // The original is untouched.
    expect((await sentView(sender, first.body.messageId)).body).toStrictEqual(first.body);
  });

  it('lets another sender use the same externalId independently', async () => {
    const company = await setupEnterprise();
    const externalId = uniqueId('SHARED');
    const other = await setupSender();
    const mine = await call<SentView>('POST', '/v1/messages', { token: sender.token, body: request(company.enterpriseNumber, externalId, samplePdf('a')) });
    const theirs = await call<SentView>('POST', '/v1/messages', { token: other.token, body: request(company.enterpriseNumber, externalId, samplePdf('b')) });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.messageId).not.toBe(mine.body.messageId);
    expect((await inboxOf(company)).body.items.map((item) => item.messageId).sort()).toEqual([mine.body.messageId, theirs.body.messageId].sort());
  });

  it('finds a message by externalId with GET /v1/messages?externalId=, for its own sender only', async () => {
    const company = await setupEnterprise();
    const externalId = uniqueId('FIND');
    const published = await call<SentView>('POST', '/v1/messages', {
      token: sender.token,
      body: request(company.enterpriseNumber, externalId, samplePdf(externalId)),
    });
    expect(published.status).toBe(201);

    const found = await call<Page<SentView>>('GET', `/v1/messages?externalId=${externalId}`, { token: sender.token });
    expect(found.status).toBe(200);
    expect(found.body).toStrictEqual({ items: [published.body], pageSize: 25, self: `/v1/messages?externalId=${externalId}` });

    const unknown = await call<Page<SentView>>('GET', `/v1/messages?externalId=${uniqueId('NOPE')}`, { token: sender.token });
    expect(unknown.status).toBe(200);
    expect(unknown.body.items).toEqual([]);
    expect(unknown.body).not.toHaveProperty('next');

    const other = await setupSender();
    const foreign = await call<Page<SentView>>('GET', `/v1/messages?externalId=${externalId}`, { token: other.token });
    expect(foreign.status).toBe(200);
    expect(foreign.body.items).toEqual([]);
  });
});

describe('GET /v1/senders', () => {
  it('lists a registered sender with its document types', async () => {
    const sender = await setupSender({ acceptsMessages: false });
    const token = await personToken(randomSsin(), 'Reader');
    const response = await call<{ items: Array<Record<string, unknown>> }>('GET', '/v1/senders', { token });
    expect(response.status).toBe(200);
    const mine = response.body.items.filter((item) => item.senderId === sender.senderId);
    expect(mine).toStrictEqual([
      {
        senderId: sender.senderId,
        name: senderName(sender),
        level: 'FEDERAL',
        acceptsMessages: false,
        documentTypes: [
          { code: 'TAX_NOTICE', name: TAX_NOTICE.name, validityDays: 180 },
          { code: 'REMINDER', name: REMINDER.name, validityDays: 30 },
        ],
      },
    ]);
    const ids = response.body.items.map((item) => item.senderId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a caller without a token', async () => {
    expectProblem(await call('GET', '/v1/senders'), 401, 'urn:problem-type:belgif:noAccessToken');
  });

  it('refuses an institution token on company routes: missingScope', async () => {
    const token = await clientToken(uniqueId('backoffice'), 'ebox/publish');
    const company = await setupEnterprise();
    const response = await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token });
    expect(expectProblem(response, 403, 'urn:problem-type:belgif:missingScope')).toMatchObject({ requiredScopes: ['ebox/read'] });
  });
});
