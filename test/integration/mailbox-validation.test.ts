import { BASE_URL, call, personToken } from './support/api';
import { adminToken, samplePdf, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import {
  expectBadRequest,
  expectProblem,
  pdfOfSize,
  storedDocuments,
  storedIdempotency,
  storedMessages,
  storedProfile,
  type ProblemBody,
} from './support/mailbox-store';

/**
 * Every bad publication the contract lists is refused with a problem naming the field, and
 * leaves nothing behind: no message, no PDF, no idempotency record, no unread count.
 */

jest.setTimeout(30_000);

const MiB = 1024 * 1024;
const inline = (pdf: Buffer, fileName = 'avis.pdf', mediaType = 'application/pdf') => ({ fileName, mediaType, contentBase64: pdf.toString('base64') });

let sender: SenderSetup;
let company: EnterpriseSetup;
let externalId: string;

beforeAll(async () => {
  sender = await setupSender();
});

beforeEach(async () => {
  company = await setupEnterprise();
  externalId = uniqueId('BAD');
});

/** A valid request to this test's company, with `overrides` applied. */
const valid = (overrides: Record<string, unknown> = {}) => ({
  recipient: company.enterpriseNumber,
  documentType: 'TAX_NOTICE',
  subject: { fr: 'Avis' },
  externalId,
  attachments: [inline(samplePdf(externalId))],
  ...overrides,
});

const post = (body: unknown) => call('POST', '/v1/messages', { token: sender.token, body });

/** The company received nothing: API inbox, unread count, table items, bucket objects, idempotency record. */
async function expectNothingStored(): Promise<void> {
  const n = company.enterpriseNumber;
  const inbox = await call<{ items: unknown[] }>('GET', `/v1/enterprises/${n}/messages`, { token: company.manager.token });
  expect(inbox.status).toBe(200);
  expect(inbox.body.items).toEqual([]);
  const profile = await call<{ unreadCount: number }>('GET', `/v1/enterprises/${n}`, { token: company.manager.token });
  expect(profile.body.unreadCount).toBe(0);
  expect(await storedMessages(n)).toEqual([]);
  expect(await storedDocuments(n)).toEqual([]);
  expect(await storedIdempotency(sender.senderId, externalId)).toBeUndefined();
  expect((await storedProfile(n))?.unreadCount).toBe(0);
  const byExternalId = await call<{ items: unknown[] }>('GET', `/v1/messages?externalId=${externalId}`, { token: sender.token });
  expect(byExternalId.body.items).toEqual([]);
}

describe('POST /v1/messages refuses bad input and stores nothing', () => {
  it('sanity: the valid request of these tests is accepted (so each refusal below is due to its one change)', async () => {
    const response = await post(valid());
    expect(response.status).toBe(201);
  });

  it.each([
    ['wrong check digits', (n: string) => `${n.slice(0, 8)}${`${(Number(n.slice(8)) % 97) + 1}`.padStart(2, '0')}`],
    ['wrong check digits, dotted', (n: string) => `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7, 8)}${`${(Number(n.slice(8)) % 97) + 1}`.padStart(2, '0')}`],
    ['9 digits', (n: string) => n.slice(1)],
    [
      'a first digit other than 0 or 1 (and right check digits)',
      (n: string) => {
        const base = `2${n.slice(1, 8)}`;
        return `${base}${`${97 - (Number(base) % 97)}`.padStart(2, '0')}`;
      },
    ],
    ['letters', () => 'BE01234567AB'],
  ])('a recipient with %s: 400 naming recipient', async (_label, mangle) => {
    const response = await post(valid({ recipient: mangle(company.enterpriseNumber) }));
    expectBadRequest(response, 'recipient');
    await expectNothingStored();
  });

  it('a missing recipient: 400 naming recipient', async () => {
    const { recipient: _dropped, ...rest } = valid();
    expectBadRequest(await post(rest), 'recipient');
    await expectNothingStored();
  });

  it('a document type the sender does not have: 400 naming documentType', async () => {
    const response = await post(valid({ documentType: 'PARKING_FINE' }));
    const problem = expectBadRequest(response, 'documentType');
    expect(problem.issues).toEqual([expect.objectContaining({ name: 'documentType', value: 'PARKING_FINE' })]);
    await expectNothingStored();
  });

  it('a document type of another sender: 400 naming documentType', async () => {
    const other = uniqueId('sender');
    const created = await call('PUT', `/v1/admin/senders/${other}`, {
      token: await adminToken(),
      body: { name: { fr: 'Autre' }, level: 'REGIONAL', acceptsMessages: false, documentTypes: [{ code: 'PERMIT', name: { fr: 'Permis' }, validityDays: 60 }] },
    });
    expect(created.status).toBe(200);
    expectBadRequest(await post(valid({ documentType: 'PERMIT' })), 'documentType');
    await expectNothingStored();
  });

  it.each([
    ['REMINDER', 31],
    ['TAX_NOTICE', 181],
  ])('validityDays longer than the %s type allows (%i): 400 naming validityDays', async (documentType, validityDays) => {
    const response = await post(valid({ documentType, validityDays }));
    expectBadRequest(response, 'validityDays');
    await expectNothingStored();
  });

  it.each([0, -1, 1.5, '10'])('validityDays %p: 400 naming validityDays', async (validityDays) => {
    expectBadRequest(await post(valid({ validityDays })), 'validityDays');
    await expectNothingStored();
  });

  it('an attachment declared as another media type: 415 unsupportedMediaType naming the attachment', async () => {
    const response = await post(
      valid({ attachments: [inline(samplePdf(), 'letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')] }),
    );
    const problem = expectProblem(response, 415, 'urn:problem-type:ebox:unsupportedMediaType');
    expect(problem.detail).toContain('attachments[0].mediaType');
    await expectNothingStored();
  });

  it('an attachment that says PDF but is not one: 415 naming attachments[1]', async () => {
    const notPdf = Buffer.from('PK\u0003\u0004 this is a zip file, not a PDF');
    const response = await post(valid({ attachments: [inline(samplePdf('fine')), inline(notPdf, 'fake.pdf')] }));
    const problem = expectProblem(response, 415, 'urn:problem-type:ebox:unsupportedMediaType');
    expect(problem.detail).toContain('attachments[1].contentBase64');
    await expectNothingStored();
  });

  it('a PDF signature that does not start the file: 415', async () => {
    const response = await post(valid({ attachments: [inline(Buffer.from(' %PDF-1.4 shifted by one byte'))] }));
    expect(expectProblem(response, 415, 'urn:problem-type:ebox:unsupportedMediaType').detail).toContain('attachments[0].contentBase64');
    await expectNothingStored();
  });

  it('inline attachments over 4 MiB in total (one file): 413 payloadTooLarge naming attachments', async () => {
    const response = await post(valid({ attachments: [inline(pdfOfSize(4 * MiB + 1))] }));
    const problem = expectProblem(response, 413, 'urn:problem-type:belgif:payloadTooLarge');
    expect(problem.detail).toContain('attachments');
    await expectNothingStored();
  });

  it('inline attachments over 4 MiB in total (two files of 2.1 MiB): 413 payloadTooLarge', async () => {
    const pdfs = [pdfOfSize(2.1 * MiB, 'a'), pdfOfSize(2.1 * MiB, 'b')];
    const body = JSON.stringify(valid({ attachments: pdfs.map((pdf, index) => inline(pdf, `part-${index}.pdf`)) }));
    expect(Buffer.byteLength(body)).toBeLessThan(6 * MiB); // under the gateway's limit: the API itself refuses it
    const response = await post(body);
    const problem = expectProblem(response, 413, 'urn:problem-type:belgif:payloadTooLarge');
    expect(problem.detail).toContain('attachments');
    await expectNothingStored();
  });

  it('a body over the gateway limit (6 MiB): 413 payloadTooLarge, every time', async () => {
    const body = JSON.stringify(valid({ attachments: [inline(pdfOfSize(4.6 * MiB))] }));
    expect(Buffer.byteLength(body)).toBeGreaterThan(6 * MiB);
    // Its own origin (localhost, not 127.0.0.1), so fetch keeps these connections out of the pool the other tests use.
    const url = `${BASE_URL.replace('127.0.0.1', 'localhost')}/v1/messages`;
    const outcomes: Array<number | string> = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      try {
        const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${sender.token}`, 'content-type': 'application/json' }, body });
        const problem = (await response.json()) as ProblemBody;
        expect([response.headers.get('content-type'), problem.type, problem.status]).toEqual([
          'application/problem+json',
          'urn:problem-type:belgif:payloadTooLarge',
          413,
        ]);
        outcomes.push(response.status);
      } catch (error) {
        outcomes.push(`${(error as Error).message} (${String(((error as Error).cause as { code?: string } | undefined)?.code)})`);
      }
    }
    expect(outcomes).toEqual(Array(10).fill(413));
    await expectNothingStored();
  }, 90_000);

  it.each([
    ['an empty subject', 'subject.fr', { fr: '' }],
    ['a blank subject', 'subject.nl', { nl: '   ' }],
    ['a subject in no language', 'subject', {}],
    ['a subject of 201 characters', 'subject.fr', { fr: 'x'.repeat(201) }],
    ['a subject in an unknown language', 'subject.es', { es: 'Aviso' }],
    ['a subject as a plain string', 'subject', 'Avis'],
  ])('%s: 400 naming %s', async (_label, field, subject) => {
    expectBadRequest(await post(valid({ subject })), field);
    await expectNothingStored();
  });

  it('a missing subject: 400 naming subject', async () => {
    const { subject: _dropped, ...rest } = valid();
    expectBadRequest(await post(rest), 'subject');
    await expectNothingStored();
  });

  it('a body of 20 001 characters: 400 naming body.de', async () => {
    expectBadRequest(await post(valid({ body: { de: 'x'.repeat(20_001) } })), 'body.de');
    await expectNothingStored();
  });

  it('11 attachments: 400 naming attachments', async () => {
    const eleven = Array.from({ length: 11 }, (_, index) => inline(samplePdf(`part ${index}`), `part-${index}.pdf`));
    expectBadRequest(await post(valid({ attachments: eleven })), 'attachments');
    await expectNothingStored();
  });

  it.each([
    ['characters outside base64', '%PDF-1.4 not base64!'],
    ['a wrong length', 'JVBERi0xLjQK='],
    ['padding in the middle', 'JVBE=i0xLjQK'],
  ])('an attachment with %s: 400 naming attachments[0].contentBase64', async (_label, contentBase64) => {
    const response = await post(valid({ attachments: [{ fileName: 'avis.pdf', mediaType: 'application/pdf', contentBase64 }] }));
    expectBadRequest(response, 'attachments[0].contentBase64');
    await expectNothingStored();
  });

  it('bad base64 in the second attachment: 400 naming attachments[1].contentBase64', async () => {
    const response = await post(valid({ attachments: [inline(samplePdf()), { fileName: 'b.pdf', mediaType: 'application/pdf', contentBase64: '***' }] }));
    expectBadRequest(response, 'attachments[1].contentBase64');
    await expectNothingStored();
  });

  it.each([
    ['an empty file name', 'attachments[0].fileName', { fileName: '' }],
    ['a file name with a path', 'attachments[0].fileName', { fileName: '../../etc/passwd.pdf' }],
    ['no content and no upload', 'attachments[0].contentBase64', { contentBase64: undefined }],
    ['no media type with inline content', 'attachments[0].mediaType', { mediaType: undefined }],
  ])('an attachment with %s: 400 naming %s', async (_label, field, change) => {
    const attachment: Record<string, unknown> = { ...inline(samplePdf()), ...change };
    for (const key of Object.keys(attachment)) if (attachment[key] === undefined) delete attachment[key];
    expectBadRequest(await post(valid({ attachments: [attachment] })), field);
    await expectNothingStored();
  });

  it('an unknown field in the body: 400 unknownInput naming it', async () => {
    const response = await post(valid({ priority: 'HIGH' }));
    const problem = expectBadRequest(response, 'priority');
    expect(problem.issues).toEqual([expect.objectContaining({ type: 'urn:problem-type:belgif:input-validation:unknownInput', in: 'body', name: 'priority' })]);
    await expectNothingStored();
  });

  it('an unknown field in an attachment: 400 naming attachments[0].password', async () => {
    const response = await post(valid({ attachments: [{ ...inline(samplePdf()), password: 'secret' }] }));
    expectBadRequest(response, 'attachments[0].password');
    await expectNothingStored();
  });

  it.each([
    ['registered', 'yes'],
    ['replyable', 1],
    ['externalId', ' spaces not allowed '],
    ['externalId', `AVIS-${'x'.repeat(100)}`],
  ])('%s = %p: 400 naming it', async (field, value) => {
    expectBadRequest(await post(valid({ [field]: value })), field);
    // The refused externalId was never recorded, and neither was this test's own.
    await expectNothingStored();
  });

  it('no Content-Type: 400 naming the Content-Type header', async () => {
    const response = await fetch(`${BASE_URL}/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sender.token}` },
      body: Buffer.from(JSON.stringify(valid())), // bytes: fetch adds no Content-Type
    });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as ProblemBody;
    expect(response.status).toBe(400);
    expect(problem.type).toBe('urn:problem-type:belgif:badRequest');
    expect(problem.issues).toEqual([expect.objectContaining({ in: 'header', name: 'Content-Type' })]);
    await expectNothingStored();
  });

  it('a Content-Type other than JSON: 400 naming Content-Type', async () => {
    const response = await call('POST', '/v1/messages', { token: sender.token, body: JSON.stringify(valid()), headers: { 'content-type': 'text/plain' } });
    expectBadRequest(response, 'Content-Type', 'header');
    await expectNothingStored();
  });

  it('invalid JSON: 400 badRequest', async () => {
    const text = JSON.stringify(valid()).slice(0, -1);
    const response = await call('POST', '/v1/messages', { token: sender.token, body: text });
    expectBadRequest(response, 'body');
    await expectNothingStored();
  });

  it('a JSON array instead of an object: 400', async () => {
    const response = await call('POST', '/v1/messages', { token: sender.token, body: [valid()] });
    expectProblem(response, 400, 'urn:problem-type:belgif:badRequest');
    await expectNothingStored();
  });

  it('a person (not an institution) cannot publish, even with the publish scope: 403', async () => {
    const token = await personToken(company.manager.ssin, 'Anne', { scope: 'ebox/publish' });
    const response = await call('POST', '/v1/messages', { token, body: valid() });
    expectProblem(response, 403, 'urn:problem-type:belgif:missingPermission');
    await expectNothingStored();
  });

  it('a company reader cannot publish: 403 missingScope', async () => {
    const response = await call('POST', '/v1/messages', { token: company.manager.token, body: valid() });
    expect(expectProblem(response, 403, 'urn:problem-type:belgif:missingScope')).toMatchObject({ requiredScopes: ['ebox/publish'] });
    await expectNothingStored();
  });
});
