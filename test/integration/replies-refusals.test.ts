import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { call, clientToken, personToken } from './support/api';
import {
  adminToken,
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
import { expectBadRequest, expectProblem, pdfOfSize, storedObjects, TABLE_NAME } from './support/mailbox-store';

/**
 * Issue "Replies and messages from companies to institutions", the refusals: what may not be
 * answered or addressed (409), malformed texts and attachments (400, 413, 415), and everyone but a
 * person with a grant on the company (401, 403, 404). A refused request leaves nothing behind:
 * no sent item, no reply under the message, nothing received, no PDF, no audit entry.
 */
jest.setTimeout(30_000);

const MiB = 1024 * 1024;
const BELGIF = (name: string) => `urn:problem-type:belgif:${name}`;
const EBOX = (name: string) => `urn:problem-type:ebox:${name}`;

interface CompanyMessage {
  id: string;
  inReplyTo?: string;
}

const inline = (pdf: Buffer, fileName = 'reply.pdf', mediaType = 'application/pdf') => ({ fileName, mediaType, contentBase64: pdf.toString('base64') });
const repliesPath = (n: string, messageId: string) => `/v1/enterprises/${n}/messages/${messageId}/replies`;
const sentPath = (n: string) => `/v1/enterprises/${n}/sent`;

let dynamo: DynamoDBDocumentClient | undefined;
/** Read-only look at the company's partition: the SENT# and REPLY# items the API writes. */
async function storedCompanyMessages(enterpriseNumber: string): Promise<Array<Record<string, unknown>>> {
  dynamo ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'eu-west-1', endpoint: process.env.EBOX_DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const items: Array<Record<string, unknown>> = [];
  for (const prefix of ['SENT#', 'REPLY#']) {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `ENT#${enterpriseNumber}`, ':prefix': prefix },
        ConsistentRead: true,
      }),
    );
    items.push(...((page.Items ?? []) as Array<Record<string, unknown>>));
  }
  return items;
}

async function grantUser(company: EnterpriseSetup, name = `User ${uniqueId('u')}`) {
  const ssin = randomSsin();
  const response = await call('PUT', `/v1/enterprises/${company.enterpriseNumber}/access/${ssin}`, {
    token: company.manager.token,
    body: { role: 'USER', name },
  });
  if (response.status !== 201) throw new Error(`grant: ${response.status} ${JSON.stringify(response.body)}`);
  return { ssin, name, token: await personToken(ssin, name) };
}

async function companyClient(enterpriseNumber: string, scope = 'ebox/read') {
  const clientId = uniqueId('erp');
  const response = await call('PUT', `/v1/admin/clients/${clientId}`, { token: await adminToken(), body: { enterpriseNumber } });
  if (response.status !== 200) throw new Error(`client: ${response.status} ${JSON.stringify(response.body)}`);
  return { clientId, token: await clientToken(clientId, scope) };
}

let institution: SenderSetup;
let closed: SenderSetup;

beforeAll(async () => {
  const admin = await adminToken();
  [institution, closed] = await Promise.all([setupSender({ admin, acceptsMessages: true }), setupSender({ admin, acceptsMessages: false })]);
});

/**
 * Everything the company might have sent is absent: its sent list and the replies under the
 * message (API), the institutions' received lists, the table items, the PDFs and the audit trail.
 */
async function expectNothingSent(company: EnterpriseSetup, messageId?: string): Promise<void> {
  const n = company.enterpriseNumber;
  const sent = await call<{ items: unknown[] }>('GET', sentPath(n), { token: company.manager.token });
  expect(sent.status).toBe(200);
  expect(sent.body.items).toEqual([]);
  if (messageId) {
    const detail = await call<{ replies: unknown[] }>('GET', `/v1/enterprises/${n}/messages/${messageId}`, { token: company.manager.token });
    expect(detail.status).toBe(200);
    expect(detail.body.replies).toEqual([]);
  }
  for (const sender of [institution, closed]) {
    const received = await call<{ items: Array<{ from: string }> }>('GET', '/v1/received?pageSize=100', {
      token: await clientToken(sender.clientId, 'ebox/publish'),
    });
    expect(received.status).toBe(200);
    expect(received.body.items.filter((item) => item.from === n)).toEqual([]);
  }
  expect(await storedCompanyMessages(n)).toEqual([]);
  expect(await storedObjects(`company-messages/${n}/`)).toEqual([]);
  const audit = await call<{ items: Array<{ action: string }> }>('GET', `/v1/enterprises/${n}/audit?pageSize=100`, { token: company.manager.token });
  expect(audit.body.items.map((item) => item.action)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(REPLY|MESSAGE)_SENT$/)]));
}

describe('what may not be answered or addressed', () => {
  let company: EnterpriseSetup;

  beforeEach(async () => {
    company = await setupEnterprise();
  });

  it('a reply to a message that is not replyable: 409 notReplyable', async () => {
    const message = await publish(institution, company.enterpriseNumber, { replyable: false });
    const response = await call('POST', repliesPath(company.enterpriseNumber, message.messageId), {
      token: company.manager.token,
      body: { body: 'Merci', attachments: [inline(samplePdf())] },
    });
    expectProblem(response, 409, EBOX('notReplyable'));
    await expectNothingSent(company, message.messageId);
  });

  it('a reply to a message published without the replyable flag (it defaults to false): 409 notReplyable', async () => {
    const message = await publish(institution, company.enterpriseNumber);
    expectProblem(
      await call('POST', repliesPath(company.enterpriseNumber, message.messageId), { token: company.manager.token, body: { body: 'Merci' } }),
      409,
      EBOX('notReplyable'),
    );
    await expectNothingSent(company, message.messageId);
  });

  it('a reply to a message id that does not exist: 404', async () => {
    const response = await call('POST', repliesPath(company.enterpriseNumber, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), {
      token: company.manager.token,
      body: { body: 'Bonjour' },
    });
    expectProblem(response, 404, BELGIF('resourceNotFound'));
    await expectNothingSent(company);
  });

  it("a reply, through the company's own e-Box, to another company's replyable message: 404", async () => {
    const other = await setupEnterprise();
    const theirs = await publish(institution, other.enterpriseNumber, { replyable: true });
    const response = await call('POST', repliesPath(company.enterpriseNumber, theirs.messageId), { token: company.manager.token, body: { body: 'Pas à moi' } });
    expectProblem(response, 404, BELGIF('resourceNotFound'));
    await expectNothingSent(company);
    await expectNothingSent(other, theirs.messageId);
  });

  it('a malformed message id in the path: 400 naming messageId', async () => {
    expectBadRequest(
      await call('POST', repliesPath(company.enterpriseNumber, 'not-an-id'), { token: company.manager.token, body: { body: 'Bonjour' } }),
      'messageId',
      'path',
    );
  });

  it('a message to an institution that does not accept messages: 409 messagesNotAccepted', async () => {
    const response = await call('POST', sentPath(company.enterpriseNumber), {
      token: company.manager.token,
      body: { to: closed.senderId, subject: 'Question', body: 'Bonjour', attachments: [inline(samplePdf())] },
    });
    expectProblem(response, 409, EBOX('messagesNotAccepted'));
    await expectNothingSent(company);
  });

  it('a message to an unknown institution: 400 naming to', async () => {
    const response = await call('POST', sentPath(company.enterpriseNumber), {
      token: company.manager.token,
      body: { to: uniqueId('nobody'), subject: 'Question', body: 'Bonjour' },
    });
    expectBadRequest(response, 'to');
    await expectNothingSent(company);
  });

  it.each([
    ['a malformed id', '../admin'],
    ['an empty id', ''],
    ['a number', 42],
  ])('a message to %s: 400 naming to', async (_label, to) => {
    expectBadRequest(
      await call('POST', sentPath(company.enterpriseNumber), { token: company.manager.token, body: { to, subject: 'Question', body: 'Bonjour' } }),
      'to',
    );
    await expectNothingSent(company);
  });
});

describe('malformed replies and messages (the same checks as publishing)', () => {
  let company: EnterpriseSetup;
  let message: { messageId: string };

  beforeEach(async () => {
    company = await setupEnterprise();
    message = await publish(institution, company.enterpriseNumber, { replyable: true });
  });

  /** Both routes, with the same body (plus `to` and `subject` for a new message). */
  const both = (extra: Record<string, unknown>) =>
    [
      [
        'reply',
        () => call('POST', repliesPath(company.enterpriseNumber, message.messageId), { token: company.manager.token, body: { body: 'Texte', ...extra } }),
      ],
      [
        'message',
        () =>
          call('POST', sentPath(company.enterpriseNumber), {
            token: company.manager.token,
            body: { to: institution.senderId, subject: 'Objet', body: 'Texte', ...extra },
          }),
      ],
    ] as const;

  it.each([
    ['a body of 20 001 characters', 'x'.repeat(20_001)],
    ['an empty body', ''],
    ['a blank body', '  \n\t '],
    ['a body that is not a string', { fr: 'Texte' }],
  ])('%s: 400 naming body', async (_label, body) => {
    for (const [, send] of both({ body })) expectBadRequest(await send(), 'body');
    await expectNothingSent(company, message.messageId);
  });

  it('no body at all: 400 naming body', async () => {
    expectBadRequest(
      await call('POST', repliesPath(company.enterpriseNumber, message.messageId), { token: company.manager.token, body: { attachments: [] } }),
      'body',
    );
    expectBadRequest(
      await call('POST', sentPath(company.enterpriseNumber), { token: company.manager.token, body: { to: institution.senderId, subject: 'Objet' } }),
      'body',
    );
    await expectNothingSent(company, message.messageId);
  });

  it.each([
    ['a subject of 201 characters', 's'.repeat(201)],
    ['an empty subject', ''],
    ['a multilingual subject', { fr: 'Objet' }],
  ])('a message with %s: 400 naming subject', async (_label, subject) => {
    expectBadRequest(
      await call('POST', sentPath(company.enterpriseNumber), { token: company.manager.token, body: { to: institution.senderId, subject, body: 'Texte' } }),
      'subject',
    );
    await expectNothingSent(company);
  });

  it('a message without subject: 400 naming subject', async () => {
    expectBadRequest(
      await call('POST', sentPath(company.enterpriseNumber), { token: company.manager.token, body: { to: institution.senderId, body: 'Texte' } }),
      'subject',
    );
    await expectNothingSent(company);
  });

  it('six attachments: 400 naming attachments', async () => {
    const six = Array.from({ length: 6 }, (_, index) => inline(samplePdf(`part ${index}`), `part-${index}.pdf`));
    for (const [, send] of both({ attachments: six })) expectBadRequest(await send(), 'attachments');
    await expectNothingSent(company, message.messageId);
  });

  it.each([
    ['characters outside base64', '%PDF-1.4 not base64!'],
    ['a wrong length', 'JVBERi0xLjQK='],
    ['padding in the middle', 'JVBE=i0xLjQK'],
  ])('an attachment with %s: 400 naming attachments[0].contentBase64', async (_label, contentBase64) => {
    for (const [, send] of both({ attachments: [{ fileName: 'r.pdf', mediaType: 'application/pdf', contentBase64 }] }))
      expectBadRequest(await send(), 'attachments[0].contentBase64');
    await expectNothingSent(company, message.messageId);
  });

  it('bad base64 in the second attachment: 400 naming attachments[1].contentBase64', async () => {
    for (const [, send] of both({ attachments: [inline(samplePdf()), { fileName: 'b.pdf', mediaType: 'application/pdf', contentBase64: '***' }] })) {
      expectBadRequest(await send(), 'attachments[1].contentBase64');
    }
    await expectNothingSent(company, message.messageId);
  });

  it('a file that says PDF but is not one: 415 unsupportedMediaType', async () => {
    const notPdf = Buffer.from('PK\u0003\u0004 this is a zip file, not a PDF');
    for (const [, send] of both({ attachments: [inline(samplePdf('fine')), inline(notPdf, 'fake.pdf')] })) {
      expect(expectProblem(await send(), 415, EBOX('unsupportedMediaType')).detail).toContain('attachments[1]');
    }
    await expectNothingSent(company, message.messageId);
  });

  it('an attachment declared as another media type: 415 unsupportedMediaType', async () => {
    for (const [, send] of both({
      attachments: [inline(samplePdf(), 'letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')],
    })) {
      expect(expectProblem(await send(), 415, EBOX('unsupportedMediaType')).detail).toContain('attachments[0].mediaType');
    }
    await expectNothingSent(company, message.messageId);
  });

  it('inline attachments over 4 MiB in total (two files of 2.1 MiB): 413 payloadTooLarge', async () => {
    const pdfs = [pdfOfSize(2.1 * MiB, 'a'), pdfOfSize(2.1 * MiB, 'b')];
    for (const [, send] of both({ attachments: pdfs.map((pdf, index) => inline(pdf, `part-${index}.pdf`)) })) {
      expectProblem(await send(), 413, BELGIF('payloadTooLarge'));
    }
    await expectNothingSent(company, message.messageId);
  });

  it.each([
    ['an empty file name', 'attachments[0].fileName', { fileName: '' }],
    ['a file name with a path', 'attachments[0].fileName', { fileName: '../../etc/passwd.pdf' }],
    ['no content', 'attachments[0].contentBase64', { contentBase64: undefined }],
    ['no media type', 'attachments[0].mediaType', { mediaType: undefined }],
    ['an upload reference (companies attach inline only)', 'attachments[0].uploadId', { uploadId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
    ['an unknown field', 'attachments[0].password', { password: 'secret' }],
  ])('an attachment with %s: 400 naming %s', async (_label, field, change) => {
    const attachment: Record<string, unknown> = { ...inline(samplePdf()), ...change };
    for (const key of Object.keys(attachment)) if (attachment[key] === undefined) delete attachment[key];
    for (const [, send] of both({ attachments: [attachment] })) expectBadRequest(await send(), field);
    await expectNothingSent(company, message.messageId);
  });

  it('an unknown field in the body (e.g. a reply that tries to choose its addressee): 400 unknownInput', async () => {
    const response = await call('POST', repliesPath(company.enterpriseNumber, message.messageId), {
      token: company.manager.token,
      body: { body: 'Texte', to: closed.senderId },
    });
    const problem = expectBadRequest(response, 'to');
    expect(problem.issues).toEqual([expect.objectContaining({ type: 'urn:problem-type:belgif:input-validation:unknownInput', in: 'body', name: 'to' })]);
    expectBadRequest(
      await call('POST', sentPath(company.enterpriseNumber), {
        token: company.manager.token,
        body: { to: institution.senderId, subject: 'Objet', body: 'Texte', inReplyTo: message.messageId },
      }),
      'inReplyTo',
    );
    await expectNothingSent(company, message.messageId);
  });

  it('a body that is not JSON: 400', async () => {
    const response = await call('POST', repliesPath(company.enterpriseNumber, message.messageId), {
      token: company.manager.token,
      body: 'body=Texte',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(response, 400, BELGIF('badRequest'));
    await expectNothingSent(company, message.messageId);
  });
});

describe('who may reply and send: only persons with a grant on the company', () => {
  let company: EnterpriseSetup;
  let message: { messageId: string };

  beforeAll(async () => {
    company = await setupEnterprise();
    message = await publish(institution, company.enterpriseNumber, { replyable: true });
  });

  const reply = (token?: string, n = company.enterpriseNumber) =>
    call('POST', repliesPath(n, message.messageId), { ...(token ? { token } : {}), body: { body: 'Réponse' } });
  const send = (token?: string, n = company.enterpriseNumber) =>
    call('POST', sentPath(n), { ...(token ? { token } : {}), body: { to: institution.senderId, subject: 'Objet', body: 'Texte' } });

  it('no token: 401 noAccessToken', async () => {
    expectProblem(await reply(), 401, BELGIF('noAccessToken'));
    expectProblem(await send(), 401, BELGIF('noAccessToken'));
    expectProblem(await call('GET', sentPath(company.enterpriseNumber)), 401, BELGIF('noAccessToken'));
    expectProblem(await call('GET', '/v1/received'), 401, BELGIF('noAccessToken'));
    await expectNothingSent(company, message.messageId);
  });

  it("the company's own machine client (bound to it) may read its sent list but neither reply nor send: 403", async () => {
    const client = await companyClient(company.enterpriseNumber);
    expect((await call('GET', sentPath(company.enterpriseNumber), { token: client.token })).status).toBe(200);
    expectProblem(await reply(client.token), 403, BELGIF('missingPermission'));
    expectProblem(await send(client.token), 403, BELGIF('missingPermission'));
    await expectNothingSent(company, message.messageId);
  });

  it('a person without a grant on the company: 403 for replying, sending and listing', async () => {
    const stranger = await personToken(randomSsin(), 'Eve Stranger');
    expectProblem(await reply(stranger), 403, BELGIF('missingPermission'));
    expectProblem(await send(stranger), 403, BELGIF('missingPermission'));
    expectProblem(await call('GET', sentPath(company.enterpriseNumber), { token: stranger }), 403, BELGIF('missingPermission'));
    await expectNothingSent(company, message.messageId);
  });

  it("an access manager of another company, through this company's path: 403", async () => {
    const other = await setupEnterprise();
    expectProblem(await reply(other.manager.token), 403, BELGIF('missingPermission'));
    expectProblem(await send(other.manager.token), 403, BELGIF('missingPermission'));
    expectProblem(await call('GET', sentPath(company.enterpriseNumber), { token: other.manager.token }), 403, BELGIF('missingPermission'));
    await expectNothingSent(company, message.messageId);
    await expectNothingSent(other);
  });

  it('a revoked user: 403 at once', async () => {
    const user = await grantUser(company);
    const revoked = await call('DELETE', `/v1/enterprises/${company.enterpriseNumber}/access/${user.ssin}`, { token: company.manager.token });
    expect(revoked.status).toBe(204);
    expectProblem(await reply(user.token), 403, BELGIF('missingPermission'));
    expectProblem(await send(user.token), 403, BELGIF('missingPermission'));
    await expectNothingSent(company, message.messageId);
  });

  it("an institution's token on the company routes: 403 missingScope (even the message's own publisher)", async () => {
    for (const token of [institution.token, await clientToken(institution.clientId, 'ebox/publish')]) {
      const problems = [await reply(token), await send(token), await call('GET', sentPath(company.enterpriseNumber), { token })];
      for (const response of problems) {
        expectProblem(response, 403, BELGIF('missingScope'));
        expect(response.body).toMatchObject({ requiredScopes: ['ebox/read'] });
      }
    }
    await expectNothingSent(company, message.messageId);
  });

  it("a company's people and machine clients on the institution's received routes: 403", async () => {
    const person = company.manager.token;
    for (const path of [
      '/v1/received',
      '/v1/received/01ARZ3NDEKTSV4RRFFQ69G5FAV',
      '/v1/received/01ARZ3NDEKTSV4RRFFQ69G5FAV/attachments/01ARZ3NDEKTSV4RRFFQ69G5FAW/content',
    ]) {
      expectProblem(await call('GET', path, { token: person }), 403, BELGIF('missingScope'));
    }
    // A company's own system holding the publish scope is still no institution.
    const client = await companyClient(company.enterpriseNumber, 'ebox/publish');
    expectProblem(await call('GET', '/v1/received', { token: client.token }), 403, BELGIF('missingPermission'));
  });

  it('a malformed or unknown enterprise number in the path: 400 or 403, never a message', async () => {
    expectBadRequest(await reply(company.manager.token, '0123456789'), 'enterpriseNumber', 'path');
    expectProblem(await send(company.manager.token, randomEnterpriseNumber()), 403, BELGIF('missingPermission'));
    await expectNothingSent(company, message.messageId);
  });

  it('after all these refusals, the access manager and a user still may: 201 each', async () => {
    const user = await grantUser(company);
    const replied = await call<CompanyMessage>('POST', repliesPath(company.enterpriseNumber, message.messageId), {
      token: user.token,
      body: { body: 'Réponse du user' },
    });
    expect(replied.status).toBe(201);
    expect(replied.body.inReplyTo).toBe(message.messageId);
    expect((await send(company.manager.token)).status).toBe(201);
    const sent = await call<{ items: CompanyMessage[] }>('GET', sentPath(company.enterpriseNumber), { token: company.manager.token });
    expect(sent.body.items).toHaveLength(2);
  });
});
