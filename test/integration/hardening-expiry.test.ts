import { call, clientToken, personToken } from './support/api';
import { advanceDays, job } from './support/aws-inspect';
import { publish, samplePdf, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import { expectProblem, storedObjects } from './support/mailbox-store';

/**
 * Hardening: replies expire with the message they answer, and a company's own messages to an
 * institution expire after companyMessageValidityDays (365 by default); both lose their PDFs by
 * the same path as documents (TTL → stream → S3). This file moves the shared local clock forward.
 * By almost a year: everything the files before it wrote expires too (the fuzz test's thousands of
 * items among them, depending on the order jest picks), and the TTL sweep and the stream consumer
 * go through all of it, which took 72 s once on this 2-CPU machine.
 */
jest.setTimeout(300_000);

interface CompanyMessage {
  id: string;
  sentAt: string;
  expiresAt: string;
  attachments: Array<{ attachmentId: string }>;
}

const inline = (name: string) => ({ fileName: name, mediaType: 'application/pdf', contentBase64: samplePdf(name).toString('base64') });

describe('company messages and replies expire', () => {
  let institution: SenderSetup;
  let company: EnterpriseSetup;
  let reply: CompanyMessage;
  let letter: CompanyMessage;
  let answered: { messageId: string; expiresAt: string };
  let reader: string;
  let backOffice: string;
  const n = () => company.enterpriseNumber;

  const refresh = async () => {
    reader = await personToken(company.manager.ssin, company.manager.name);
    backOffice = await clientToken(institution.clientId, 'ebox/publish');
  };
  const ttlAndStream = async () => {
    await job('ttl');
    await job('stream');
  };

  beforeAll(async () => {
    [institution, company] = await Promise.all([setupSender({ acceptsMessages: true }), setupEnterprise()]);
    reader = company.manager.token;
    backOffice = institution.token;
    answered = (await publish(institution, n(), { documentType: 'REMINDER', validityDays: 10, replyable: true })) as unknown as typeof answered;
    const replied = await call<CompanyMessage>('POST', `/v1/enterprises/${n()}/messages/${answered.messageId}/replies`, {
      token: reader,
      body: { body: 'Voici ma réponse', attachments: [inline('reponse.pdf')] },
    });
    expect(replied.status).toBe(201);
    reply = replied.body;
    const sent = await call<CompanyMessage>('POST', `/v1/enterprises/${n()}/sent`, {
      token: reader,
      body: { to: institution.senderId, subject: 'Question', body: 'Bonjour', attachments: [inline('question.pdf')] },
    });
    expect(sent.status).toBe(201);
    letter = sent.body;
  });

  it('a reply expires with the message it answers; a company message after 365 days', () => {
    expect(reply.expiresAt).toBe(answered.expiresAt);
    expect(Date.parse(letter.expiresAt) - Date.parse(letter.sentAt)).toBe(365 * 86_400_000);
  });

  it('both are listed, and their PDFs stored, while valid', async () => {
    const sent = await call<{ items: CompanyMessage[] }>('GET', `/v1/enterprises/${n()}/sent?pageSize=100`, { token: reader });
    expect(sent.body.items.map((item) => item.id)).toEqual(expect.arrayContaining([reply.id, letter.id]));
    expect(await storedObjects(`company-messages/${n()}/${reply.id}/`)).toHaveLength(1);
    expect(await storedObjects(`company-messages/${n()}/${letter.id}/`)).toHaveLength(1);
  });

  it('once the answered message expired, the reply disappears at once from both sides, then TTL removes it and its PDF', async () => {
    await advanceDays(11);
    await refresh();
    const sent = await call<{ items: CompanyMessage[] }>('GET', `/v1/enterprises/${n()}/sent?pageSize=100`, { token: reader });
    expect(sent.body.items.map((item) => item.id)).toEqual([letter.id]);
    const received = await call<{ items: CompanyMessage[] }>('GET', '/v1/received?pageSize=100', { token: backOffice });
    expect(received.body.items.map((item) => item.id)).not.toContain(reply.id);
    expectProblem(await call('GET', `/v1/enterprises/${n()}/sent/${reply.id}`, { token: reader }), 410, 'urn:problem-type:ebox:documentExpired');
    expectProblem(await call('GET', `/v1/received/${reply.id}`, { token: backOffice }), 410, 'urn:problem-type:ebox:documentExpired');
    const attachmentId = reply.attachments[0]?.attachmentId ?? '';
    expectProblem(
      await call('GET', `/v1/received/${reply.id}/attachments/${attachmentId}/content`, { token: backOffice }),
      410,
      'urn:problem-type:ebox:documentExpired',
    );
    await ttlAndStream();
    expect(await storedObjects(`company-messages/${n()}/${reply.id}/`)).toEqual([]);
    expect(await storedObjects(`company-messages/${n()}/${letter.id}/`)).toHaveLength(1);
    expectProblem(await call('GET', `/v1/enterprises/${n()}/sent/${reply.id}`, { token: reader }), 404, 'urn:problem-type:belgif:resourceNotFound');
  });

  it('the company message goes after its 365 days, with its PDF', async () => {
    await advanceDays(356);
    await refresh();
    const sent = await call<{ items: CompanyMessage[] }>('GET', `/v1/enterprises/${n()}/sent?pageSize=100`, { token: reader });
    expect(sent.body.items).toEqual([]);
    await ttlAndStream();
    expect(await storedObjects(`company-messages/${n()}/`)).toEqual([]);
    const received = await call<{ items: CompanyMessage[] }>('GET', '/v1/received?pageSize=100', { token: backOffice });
    expect(received.body.items.map((item) => item.id)).not.toContain(letter.id);
  });
});
