import { createHash } from 'node:crypto';
import { call, clientToken, personToken } from './support/api';
import { advanceDays, drain, emailsSince, job, messageDocuments, storedMessage } from './support/aws-inspect';
import { publish, samplePdf, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';

/**
 * Automatic deletion at expiry: the message is invisible (410) the moment it expires; the TTL
 * emulation (`ttl` job) removes the item, and the table stream's REMOVE record deletes its PDFs
 * from S3 and takes it out of the unread count. The sender still sees it as EXPIRED. This file
 * moves the shared clock forward and asserts only on its own company.
 */
jest.setTimeout(60_000);

interface SentView {
  messageId: string;
  recipient: string;
  publishedAt: string;
  expiresAt: string;
  status: string;
  attachments: Array<{ attachmentId: string; sha256: string; size: number }>;
}

const PROBLEM_JSON = 'application/problem+json';

function expectExpired(response: { status: number; headers: Headers; body: Record<string, unknown> }, messageId: string) {
  expect({ status: response.status, contentType: response.headers.get('content-type'), type: response.body.type }).toEqual({
    status: 410,
    contentType: PROBLEM_JSON,
    type: 'urn:problem-type:ebox:documentExpired',
  });
  expect(String(response.body.detail)).toContain(messageId);
  expect(response.headers.get('location')).toBeNull();
}

describe('automatic deletion at expiry', () => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;
  let message: SentView;
  /** Also valid 1 day, but read before it expires. */
  let readOne: SentView;
  /** Valid 180 days, unread: stays. */
  let longLived: SentView;
  let publisher: string;
  let reader: string;
  const pdf = samplePdf(uniqueId('expiring'));
  const pdf2 = samplePdf(uniqueId('expiring-2'));

  const messagePath = () => `/v1/enterprises/${company.enterpriseNumber}/messages/${message.messageId}`;
  const contentPath = (index: number) => `${messagePath()}/attachments/${message.attachments[index]!.attachmentId}/content`;
  const unreadCount = async () => {
    const profile = await call<{ unreadCount: number }>('GET', `/v1/enterprises/${company.enterpriseNumber}`, { token: reader });
    expect(profile.status).toBe(200);
    return profile.body.unreadCount;
  };

  beforeAll(async () => {
    [sender, company] = await Promise.all([setupSender(), setupEnterprise({ language: 'en' })]);
    publisher = sender.token;
    reader = company.manager.token;
  });

  it('before expiry: the PDFs download, and they are stored under documents/<n>/<id>/', async () => {
    await drain();
    message = (await publish(sender, company.enterpriseNumber, {
      documentType: 'REMINDER',
      validityDays: 1,
      attachments: [
        { fileName: 'one.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64') },
        { fileName: 'two.pdf', mediaType: 'application/pdf', contentBase64: pdf2.toString('base64') },
      ],
    })) as unknown as SentView;
    expect(message.attachments).toHaveLength(2);

    for (const [index, bytes] of [pdf, pdf2].entries()) {
      const redirect = await call('GET', contentPath(index), { token: reader });
      expect(redirect.status).toBe(302);
      const fetched = await fetch(redirect.headers.get('location')!);
      expect(fetched.status).toBe(200);
      const body = Buffer.from(await fetched.arrayBuffer());
      expect(body.equals(bytes)).toBe(true);
      expect(redirect.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`);
    }
    expect((await messageDocuments(company.enterpriseNumber, message.messageId)).sort()).toEqual(
      message.attachments.map((attachment) => `documents/${company.enterpriseNumber}/${message.messageId}/${attachment.attachmentId}.pdf`).sort(),
    );
    expect(await storedMessage(company.enterpriseNumber, message.messageId)).toMatchObject({ type: 'MESSAGE', messageId: message.messageId });
    // Downloading marked it read; it expires unread here, to watch the unread count follow.
    expect(
      (await call('PATCH', `/v1/enterprises/${company.enterpriseNumber}/messages/${message.messageId}`, { token: reader, body: { read: false } })).status,
    ).toBe(200);

    readOne = (await publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 1 })) as unknown as SentView;
    longLived = (await publish(sender, company.enterpriseNumber)) as unknown as SentView;
    const marked = await call('PATCH', `/v1/enterprises/${company.enterpriseNumber}/messages/${readOne.messageId}`, { token: reader, body: { read: true } });
    expect(marked.status).toBe(200);
    expect(await unreadCount()).toBe(2);
  });

  it('2 days later: 410 at once, even before TTL has removed anything', async () => {
    await advanceDays(2);
    publisher = await clientToken(sender.clientId, 'ebox/publish');
    reader = await personToken(company.manager.ssin, company.manager.name);
    expectExpired(await call('GET', messagePath(), { token: reader }), message.messageId);
    expectExpired(await call('GET', contentPath(0), { token: reader }), message.messageId);
    // Not removed yet: the item and its PDFs are still there until the TTL pass.
    expect(await storedMessage(company.enterpriseNumber, message.messageId)).toBeDefined();
    expect(await messageDocuments(company.enterpriseNumber, message.messageId)).toHaveLength(2);
  });

  it('2 days later, before TTL: the unread count agrees with the unread messages the inbox shows', async () => {
    const unread = await call<{ items: Array<{ messageId: string }> }>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages?read=false`, {
      token: reader,
    });
    expect(unread.status).toBe(200);
    expect(unread.body.items.map((item) => item.messageId)).toEqual([longLived.messageId]);
    // The expired unread message is invisible: it must not be counted either.
    expect(await unreadCount()).toBe(1);
  });

  it('the TTL pass then the stream: the item is gone from DynamoDB, its PDFs from S3, and it leaves the unread count', async () => {
    const snapshot = await drain();
    const ttl = await job('ttl');
    expect(ttl).toEqual({ ran: 'ttl', deleted: expect.any(Number) });
    expect(ttl.deleted as number).toBeGreaterThanOrEqual(1);
    // TTL removed the item; the PDFs go only when the stream's REMOVE record is handled.
    expect(await storedMessage(company.enterpriseNumber, message.messageId)).toBeUndefined();
    expect(await messageDocuments(company.enterpriseNumber, message.messageId)).toHaveLength(2);

    const stream = await job('stream');
    expect(stream).toEqual({ ran: 'stream', records: expect.any(Number) });
    expect(stream.records as number).toBeGreaterThanOrEqual(1);
    expect(await storedMessage(company.enterpriseNumber, message.messageId)).toBeUndefined();
    expect(await messageDocuments(company.enterpriseNumber, message.messageId)).toEqual([]);
    // The read one went too; the long-lived one is untouched. Only the unread expired one left the count.
    expect(await storedMessage(company.enterpriseNumber, readOne.messageId)).toBeUndefined();
    expect(await messageDocuments(company.enterpriseNumber, readOne.messageId)).toEqual([]);
    expect(await storedMessage(company.enterpriseNumber, longLived.messageId)).toMatchObject({ messageId: longLived.messageId });
    expect(await messageDocuments(company.enterpriseNumber, longLived.messageId)).toHaveLength(1);
    expect(await unreadCount()).toBe(1);

    // The sender keeps its record: EXPIRED. The company still gets 410 (not 404).
    const view = await call<SentView>('GET', `/v1/messages/${message.messageId}`, { token: publisher });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ messageId: message.messageId, recipient: company.enterpriseNumber, status: 'EXPIRED', expiresAt: message.expiresAt });
    expectExpired(await call('GET', messagePath(), { token: reader }), message.messageId);
    expectExpired(await call('GET', contentPath(1), { token: reader }), message.messageId);

    // Deletion sends no email.
    await job('notifier');
    expect(await emailsSince(snapshot, company.email)).toEqual([]);
  });

  it('running ttl and stream again is harmless', async () => {
    for (let run = 0; run < 2; run += 1) {
      expect((await call('POST', '/local/jobs/ttl')).status).toBe(200);
      expect((await call('POST', '/local/jobs/stream')).status).toBe(200);
    }
    expect(await storedMessage(company.enterpriseNumber, message.messageId)).toBeUndefined();
    expect(await messageDocuments(company.enterpriseNumber, message.messageId)).toEqual([]);
    expect(await messageDocuments(company.enterpriseNumber, longLived.messageId)).toHaveLength(1);
    expect(await unreadCount()).toBe(1);
    expect((await call<SentView>('GET', `/v1/messages/${message.messageId}`, { token: publisher })).body.status).toBe('EXPIRED');
    expectExpired(await call('GET', messagePath(), { token: reader }), message.messageId);
  });
});
