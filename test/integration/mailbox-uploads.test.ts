import { call } from './support/api';
import { samplePdf, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import {
  download,
  expectBadRequest,
  expectProblem,
  ISO_MS,
  pdfOfSize,
  sha256Base64,
  sha256Hex,
  storedDocuments,
  storedIdempotency,
  storedMessages,
  ULID,
  type ProblemBody,
} from './support/mailbox-store';

/**
 * Large PDFs: POST /v1/uploads, PUT to the presigned URL, then publish with the uploadId. Size,
 * digest, signature and ownership are checked at publication; a refused publication stores nothing.
 */
jest.setTimeout(30_000);

const MiB = 1024 * 1024;

interface Upload {
  uploadId: string;
  uploadUrl: string;
  expiresAt: string;
}

interface SentView {
  messageId: string;
  attachments: Array<{ attachmentId: string; fileName: string; mediaType: string; size: number; sha256: string }>;
}

async function createUpload(sender: SenderSetup, announced: { size: number; sha256: string; fileName?: string }) {
  const response = await call<Upload>('POST', '/v1/uploads', {
    token: sender.token,
    body: { fileName: announced.fileName ?? 'big.pdf', mediaType: 'application/pdf', size: announced.size, sha256: announced.sha256 },
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function put(upload: Upload, bytes: Buffer): Promise<number> {
  const response = await fetch(upload.uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: bytes });
  await response.arrayBuffer();
  return response.status;
}

/** Creates an upload announcing `bytes` and PUTs them. */
async function upload(sender: SenderSetup, bytes: Buffer, fileName = 'big.pdf'): Promise<Upload> {
  const created = await createUpload(sender, { size: bytes.length, sha256: sha256Hex(bytes), fileName });
  expect(await put(created, bytes)).toBe(200);
  return created;
}

const publishWith = (sender: SenderSetup, recipient: string, attachments: unknown[], extra: Record<string, unknown> = {}) =>
  call<SentView>('POST', '/v1/messages', {
    token: sender.token,
    body: { recipient, documentType: 'TAX_NOTICE', subject: { fr: 'Bilan annuel' }, attachments, ...extra },
  });

/** A 4xx that names attachments[index].uploadId (in issues for a 400, in detail otherwise). */
function expectNamesUpload(response: { status: number; headers: Headers; body: unknown }, index = 0): void {
  const field = `attachments[${index}].uploadId`;
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = response.body as ProblemBody;
  if (response.status === 400) {
    expect(problem.type).toBe('urn:problem-type:belgif:badRequest');
    expect(problem.issues).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', name: field })]));
  } else {
    expect(problem.detail).toContain(field);
  }
}

async function expectNothingStored(company: EnterpriseSetup): Promise<void> {
  const inbox = await call<{ items: unknown[] }>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: company.manager.token });
  expect(inbox.body.items).toEqual([]);
  expect(await storedMessages(company.enterpriseNumber)).toEqual([]);
  expect(await storedDocuments(company.enterpriseNumber)).toEqual([]);
}

describe('POST /v1/uploads', () => {
  let sender: SenderSetup;
  beforeAll(async () => {
    sender = await setupSender();
  });

  it('answers 201 with uploadId, a presigned uploadUrl and expiresAt', async () => {
    const bytes = samplePdf('announce');
    const response = await call<Upload>('POST', '/v1/uploads', {
      token: sender.token,
      body: { fileName: 'annual-report.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) },
    });
    expect(response.status).toBe(201);
    expect(response.body).toStrictEqual({
      uploadId: expect.stringMatching(ULID),
      uploadUrl: expect.stringMatching(/^https?:\/\/\S+$/),
      expiresAt: expect.stringMatching(ISO_MS),
    });
    const now = Date.parse((await call<{ now: string }>('GET', '/local/clock')).body.now);
    expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(now);
  });

  it.each([
    ['mediaType', { mediaType: 'image/png' }],
    ['size', { size: 50 * MiB + 1 }],
    ['size', { size: 0 }],
    ['size', { size: '1000' }],
    ['sha256', { sha256: 'abc' }],
    ['sha256', { sha256: 'z'.repeat(64) }],
    ['fileName', { fileName: '' }],
    ['fileName', { fileName: 'a/b.pdf' }],
    ['checksum', { checksum: 'x' }],
  ])('refuses a bad %s (%j): 400 naming it', async (field, change) => {
    const response = await call('POST', '/v1/uploads', {
      token: sender.token,
      body: { fileName: 'big.pdf', mediaType: 'application/pdf', size: 1000, sha256: 'a'.repeat(64), ...change },
    });
    expectBadRequest(response, field);
  });

  it('is for institutions only: a company reader gets 403 missingScope', async () => {
    const company = await setupEnterprise();
    const response = await call('POST', '/v1/uploads', {
      token: company.manager.token,
      body: { fileName: 'x.pdf', mediaType: 'application/pdf', size: 100, sha256: 'a'.repeat(64) },
    });
    expectProblem(response, 403, 'urn:problem-type:belgif:missingScope');
  });
});

describe('publishing with an uploadId', () => {
  let sender: SenderSetup;
  beforeAll(async () => {
    sender = await setupSender();
  });

  it('publishes a 6 MiB PDF uploaded to the presigned URL; the download gives the same bytes', async () => {
    const company = await setupEnterprise();
    const bytes = pdfOfSize(6 * MiB, 'u');
    const created = await upload(sender, bytes, 'bilan-2026.pdf');
    const response = await publishWith(sender, company.enterpriseNumber, [{ fileName: 'bilan-2026.pdf', uploadId: created.uploadId }]);
    expect(response.status).toBe(201);
    expect(response.body.attachments).toStrictEqual([
      { attachmentId: expect.stringMatching(ULID), fileName: 'bilan-2026.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) },
    ]);
    const attachment = response.body.attachments[0]!;
    const { redirect, bytes: downloaded } = await download(company.manager.token, company.enterpriseNumber, response.body.messageId, attachment.attachmentId);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('repr-digest')).toBe(`sha-256=:${sha256Base64(bytes)}:`);
    expect(downloaded?.length).toBe(bytes.length);
    expect(downloaded?.equals(bytes)).toBe(true);
    expect(await storedDocuments(company.enterpriseNumber)).toEqual([
      `documents/${company.enterpriseNumber}/${response.body.messageId}/${attachment.attachmentId}.pdf`,
    ]);
  });

  it('mixes inline and uploaded attachments in one message, in order', async () => {
    const company = await setupEnterprise();
    const small = samplePdf('inline part');
    const big = pdfOfSize(5 * MiB, 'm');
    const created = await upload(sender, big);
    const response = await publishWith(sender, company.enterpriseNumber, [
      { fileName: 'letter.pdf', mediaType: 'application/pdf', contentBase64: small.toString('base64') },
      { fileName: 'annex.pdf', uploadId: created.uploadId },
    ]);
    expect(response.status).toBe(201);
    expect(response.body.attachments.map(({ fileName, size, sha256 }) => ({ fileName, size, sha256 }))).toEqual([
      { fileName: 'letter.pdf', size: small.length, sha256: sha256Hex(small) },
      { fileName: 'annex.pdf', size: big.length, sha256: sha256Hex(big) },
    ]);
    const { bytes } = await download(company.manager.token, company.enterpriseNumber, response.body.messageId, response.body.attachments[1]!.attachmentId);
    expect(bytes?.equals(big)).toBe(true);
  });

  it('refuses an upload whose bytes have another size than announced: 4xx naming attachments[0].uploadId', async () => {
    const company = await setupEnterprise();
    const announced = samplePdf('announced');
    const created = await createUpload(sender, { size: announced.length, sha256: sha256Hex(announced) });
    const longer = Buffer.concat([announced, Buffer.from('more bytes')]);
    await put(created, longer); // S3 may refuse the PUT itself; either way nothing matching was uploaded
    const response = await publishWith(sender, company.enterpriseNumber, [{ fileName: 'big.pdf', uploadId: created.uploadId }]);
    expectNamesUpload(response);
    await expectNothingStored(company);
  });

  it('refuses an upload whose bytes do not have the announced digest: 4xx naming attachments[0].uploadId', async () => {
    const company = await setupEnterprise();
    const announced = samplePdf('announced AAAA');
    const other = samplePdf('announced BBBB');
    expect(other.length).toBe(announced.length);
    const created = await createUpload(sender, { size: announced.length, sha256: sha256Hex(announced) });
    expect(await put(created, other)).toBe(200);
    const response = await publishWith(sender, company.enterpriseNumber, [{ fileName: 'big.pdf', uploadId: created.uploadId }]);
    expectNamesUpload(response);
    await expectNothingStored(company);
  });

  it('refuses an upload that was never PUT: 4xx naming attachments[0].uploadId', async () => {
    const company = await setupEnterprise();
    const announced = samplePdf('never sent');
    const created = await createUpload(sender, { size: announced.length, sha256: sha256Hex(announced) });
    expectNamesUpload(await publishWith(sender, company.enterpriseNumber, [{ fileName: 'big.pdf', uploadId: created.uploadId }]));
    await expectNothingStored(company);
  });

  it('refuses an uploaded file that is not a PDF: 415 naming attachments[0].uploadId', async () => {
    const company = await setupEnterprise();
    const created = await upload(sender, Buffer.from('GIF89a this is a picture, not a PDF'));
    const response = await publishWith(sender, company.enterpriseNumber, [{ fileName: 'picture.pdf', uploadId: created.uploadId }]);
    const problem = expectProblem(response, 415, 'urn:problem-type:ebox:unsupportedMediaType');
    expect(problem.detail).toContain('attachments[0].uploadId');
    await expectNothingStored(company);
  });

  it("refuses another sender's upload: 4xx naming the uploadId, and the owner can still use it", async () => {
    const company = await setupEnterprise();
    const thief = await setupSender();
    const bytes = samplePdf('owned by the first sender');
    const created = await upload(sender, bytes);
    const response = await publishWith(thief, company.enterpriseNumber, [{ fileName: 'stolen.pdf', uploadId: created.uploadId }]);
    expectNamesUpload(response);
    await expectNothingStored(company);
    const owner = await publishWith(sender, company.enterpriseNumber, [{ fileName: 'mine.pdf', uploadId: created.uploadId }]);
    expect(owner.status).toBe(201);
  });

  it('refuses an unknown uploadId: 4xx naming it', async () => {
    const company = await setupEnterprise();
    expectNamesUpload(await publishWith(sender, company.enterpriseNumber, [{ fileName: 'x.pdf', uploadId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }]));
    await expectNothingStored(company);
  });

  it('refuses a consumed upload in a second message: 4xx naming it, and nothing more is stored', async () => {
    const company = await setupEnterprise();
    const bytes = samplePdf('used once');
    const created = await upload(sender, bytes);
    const first = await publishWith(sender, company.enterpriseNumber, [{ fileName: 'once.pdf', uploadId: created.uploadId }]);
    expect(first.status).toBe(201);
    const second = await publishWith(sender, company.enterpriseNumber, [{ fileName: 'twice.pdf', uploadId: created.uploadId }], { subject: { fr: 'Encore' } });
    expectNamesUpload(second);
    const elsewhere = await setupEnterprise();
    expectNamesUpload(await publishWith(sender, elsewhere.enterpriseNumber, [{ fileName: 'twice.pdf', uploadId: created.uploadId }]));
    await expectNothingStored(elsewhere);
    expect((await storedMessages(company.enterpriseNumber)).map((item) => item.messageId)).toEqual([first.body.messageId]);
    expect(await storedDocuments(company.enterpriseNumber)).toHaveLength(1);
  });

  it('refuses the same upload twice in one message: 4xx naming attachments[1].uploadId', async () => {
    const company = await setupEnterprise();
    const created = await upload(sender, samplePdf('twice in one'));
    const response = await publishWith(sender, company.enterpriseNumber, [
      { fileName: 'a.pdf', uploadId: created.uploadId },
      { fileName: 'b.pdf', uploadId: created.uploadId },
    ]);
    expectNamesUpload(response, 1);
    await expectNothingStored(company);
  });

  it('refuses a bad second attachment without consuming the upload of the first', async () => {
    const company = await setupEnterprise();
    const created = await upload(sender, samplePdf('kept'));
    const refused = await publishWith(sender, company.enterpriseNumber, [
      { fileName: 'a.pdf', uploadId: created.uploadId },
      { fileName: 'b.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('not a pdf').toString('base64') },
    ]);
    expectProblem(refused, 415, 'urn:problem-type:ebox:unsupportedMediaType');
    await expectNothingStored(company);
    const retried = await publishWith(sender, company.enterpriseNumber, [{ fileName: 'a.pdf', uploadId: created.uploadId }]);
    expect(retried.status).toBe(201);
  });

  it('replays a publication that used an upload: same externalId and body → 200 with the same message', async () => {
    const company = await setupEnterprise();
    const bytes = samplePdf('replayed upload');
    const created = await upload(sender, bytes);
    const externalId = uniqueId('UPLOADED');
    const attachments = [{ fileName: 'report.pdf', uploadId: created.uploadId }];
    const first = await publishWith(sender, company.enterpriseNumber, attachments, { externalId });
    expect(first.status).toBe(201);
    // The client did not see the answer and sends the very same request again.
    const again = await publishWith(sender, company.enterpriseNumber, attachments, { externalId });
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual(first.body);
    expect((await storedMessages(company.enterpriseNumber)).map((item) => item.messageId)).toEqual([first.body.messageId]);
    expect((await storedIdempotency(sender.senderId, externalId))?.messageId).toBe(first.body.messageId);
  });
});
