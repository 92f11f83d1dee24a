import { call, clientToken, personToken } from './support/api';
import { publish, samplePdf, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import { expectProblem, plusDays, storedMessages, storedObjects } from './support/mailbox-store';

/**
 * Issue "Replies and messages from companies to institutions": an expired message can no longer be
 * answered (410 documentExpired), before and after its item is removed by TTL. This file moves
 * the shared local clock forward (it never goes back): it asserts only on the data it publishes
 * here, and mints fresh tokens after the move.
 */
jest.setTimeout(30_000);

interface CompanyMessage {
  id: string;
  inReplyTo?: string;
}

const repliesPath = (n: string, messageId: string) => `/v1/enterprises/${n}/messages/${messageId}/replies`;
const inline = (pdf: Buffer) => ({ fileName: 'reponse.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64') });

describe('replies to an expired message', () => {
  let institution: SenderSetup;
  let company: EnterpriseSetup;
  let reader: string;
  let backOffice: string;
  /** REMINDER valid 1 day, replyable. */
  let shortLived: { messageId: string; publishedAt: string; expiresAt: string };
  /** TAX_NOTICE valid 1 day, replyable. */
  let shortTax: { messageId: string; expiresAt: string };
  /** TAX_NOTICE valid 180 days, replyable. */
  let longLived: { messageId: string };
  let earlyReply: CompanyMessage;

  beforeAll(async () => {
    [institution, company] = await Promise.all([setupSender(), setupEnterprise()]);
    reader = company.manager.token;
    backOffice = institution.token;
    shortLived = (await publish(institution, company.enterpriseNumber, {
      documentType: 'REMINDER',
      validityDays: 1,
      replyable: true,
    })) as unknown as typeof shortLived;
    shortTax = (await publish(institution, company.enterpriseNumber, {
      documentType: 'TAX_NOTICE',
      validityDays: 1,
      replyable: true,
    })) as unknown as typeof shortTax;
    longLived = await publish(institution, company.enterpriseNumber, { replyable: true });
  });

  /** Moves the shared clock and mints tokens valid at the new instant. */
  async function advanceDays(days: number): Promise<void> {
    const before = Date.parse((await call<{ now: string }>('GET', '/local/clock')).body.now);
    const moved = await call<{ now: string }>('POST', '/local/clock', { body: { advanceDays: days } });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.now) - before).toBeGreaterThanOrEqual(days * 86_400_000);
    reader = await personToken(company.manager.ssin, company.manager.name);
    backOffice = await clientToken(institution.clientId, 'ebox/publish');
  }

  const sentIds = async () => {
    const sent = await call<{ items: CompanyMessage[] }>('GET', `/v1/enterprises/${company.enterpriseNumber}/sent?pageSize=100`, { token: reader });
    expect(sent.status).toBe(200);
    return sent.body.items.map((item) => item.id);
  };
  const receivedIds = async () => {
    const received = await call<{ items: CompanyMessage[] }>('GET', '/v1/received?pageSize=100', { token: backOffice });
    expect(received.status).toBe(200);
    return received.body.items.map((item) => item.id);
  };

  it('while it is valid, the one-day message can be answered', async () => {
    expect(shortLived.expiresAt).toBe(plusDays(shortLived.publishedAt, 1));
    const response = await call<CompanyMessage>('POST', repliesPath(company.enterpriseNumber, shortLived.messageId), {
      token: reader,
      body: { body: 'Avant expiration' },
    });
    expect(response.status).toBe(201);
    earlyReply = response.body;
    expect(earlyReply.inReplyTo).toBe(shortLived.messageId);
  });

  it('once its validity has passed: 410 documentExpired, and nothing is sent', async () => {
    await advanceDays(2);
    const beforeSent = await sentIds();
    const beforeReceived = await receivedIds();
    const beforeObjects = await storedObjects(`company-messages/${company.enterpriseNumber}/`);
    for (const message of [shortLived, shortTax]) {
      const response = await call('POST', repliesPath(company.enterpriseNumber, message.messageId), {
        token: reader,
        body: { body: 'Trop tard', attachments: [inline(samplePdf('late'))] },
      });
      expect(expectProblem(response, 410, 'urn:problem-type:ebox:documentExpired').detail).toContain(message.messageId);
    }
    expect(await sentIds()).toEqual(beforeSent);
    expect(await receivedIds()).toEqual(beforeReceived);
    expect(await storedObjects(`company-messages/${company.enterpriseNumber}/`)).toEqual(beforeObjects);
    const audit = await call<{ items: Array<{ action: string }> }>('GET', `/v1/enterprises/${company.enterpriseNumber}/audit?pageSize=100`, { token: reader });
    expect(audit.body.items.filter((item) => item.action === 'REPLY_SENT')).toHaveLength(1); // the early reply only
  });

  it('a message of the same company that is still valid can still be answered (with the fresh token)', async () => {
    const response = await call<CompanyMessage>('POST', repliesPath(company.enterpriseNumber, longLived.messageId), {
      token: reader,
      body: { body: 'Toujours valable' },
    });
    expect(response.status).toBe(201);
    expect(response.body.inReplyTo).toBe(longLived.messageId);
    expect(await receivedIds()).toContain(response.body.id);
  });

  it('still 410 (not 404) once the expired items have been removed by TTL', async () => {
    expect((await call('POST', '/local/jobs/ttl')).status).toBe(200);
    expect((await call('POST', '/local/jobs/stream')).status).toBe(200);
    const remaining = (await storedMessages(company.enterpriseNumber)).map((item) => item.messageId);
    expect(remaining).not.toContain(shortLived.messageId);
    expect(remaining).toContain(longLived.messageId);
    const response = await call('POST', repliesPath(company.enterpriseNumber, shortLived.messageId), { token: reader, body: { body: 'Encore trop tard' } });
    expectProblem(response, 410, 'urn:problem-type:ebox:documentExpired');
  });

  it('another company still gets 404 (not 410) for the expired message', async () => {
    const other = await setupEnterprise();
    const response = await call('POST', repliesPath(other.enterpriseNumber, shortLived.messageId), { token: other.manager.token, body: { body: 'Pas à moi' } });
    expectProblem(response, 404, 'urn:problem-type:belgif:resourceNotFound');
  });
});
