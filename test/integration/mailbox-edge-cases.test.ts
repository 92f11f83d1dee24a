import { call } from './support/api';
import { publish, samplePdf, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import { expectBadRequest, sha256Hex, storedMessages } from './support/mailbox-store';

/** Inputs that once reached DynamoDB in a shape it refuses (a 500): each must be a 400 now. */
describe('inbox queries DynamoDB cannot answer', () => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;
  const inbox = () => `/v1/enterprises/${company.enterpriseNumber}/messages`;

  beforeAll(async () => {
    sender = await setupSender();
    company = await setupEnterprise();
    for (let index = 0; index < 3; index += 1) await publish(sender, company.enterpriseNumber);
  });

  it('refuses publishedAfter later than (or equal to) publishedBefore', async () => {
    const inverted = await call('GET', `${inbox()}?publishedAfter=2026-12-01T00:00:00.000Z&publishedBefore=2026-01-01T00:00:00.000Z`, {
      token: company.manager.token,
    });
    expectBadRequest(inverted, 'publishedBefore', 'query');
    const equal = await call('GET', `${inbox()}?publishedAfter=2026-12-01T00:00:00.000Z&publishedBefore=2026-12-01T00:00:00.000Z`, {
      token: company.manager.token,
    });
    expectBadRequest(equal, 'publishedBefore', 'query');
  });

  it('refuses instants before 1970', async () => {
    const response = await call('GET', `${inbox()}?publishedBefore=1969-12-31T23:59:59.999Z`, { token: company.manager.token });
    expectBadRequest(response, 'publishedBefore', 'query');
  });

  it('refuses a cursor reused with other filters', async () => {
    const first = await call<{ next?: string }>('GET', `${inbox()}?pageSize=1`, { token: company.manager.token });
    const cursor = new URL(first.body.next ?? '', 'http://x').searchParams.get('cursor') ?? '';
    expect(cursor).not.toBe('');
    const response = await call('GET', `${inbox()}?pageSize=1&publishedBefore=2020-01-01T00:00:00.000Z&cursor=${cursor}`, { token: company.manager.token });
    expectBadRequest(response, 'cursor', 'query');
  });

  it('refuses forged cursors with keys of another shape', async () => {
    const forged = (position: Record<string, string>) => Buffer.from(JSON.stringify(position)).toString('base64url');
    const pk = `ENT#${company.enterpriseNumber}`;
    const positions: Array<Record<string, string>> = [
      { pk, sk: 'MSG#~~' },
      { pk, sk: 'MSG#01', x: 'y' },
    ];
    for (const position of positions) {
      const response = await call('GET', `${inbox()}?cursor=${forged(position)}`, { token: company.manager.token });
      expectBadRequest(response, 'cursor', 'query');
    }
    const deliveries = await call('GET', `/v1/messages?cursor=${forged({ gsi1pk: `SND#${sender.senderId}`, gsi1sk: 'MSG#01' })}`, { token: sender.token });
    expectBadRequest(deliveries, 'cursor', 'query');
  });
});

describe('uploads', () => {
  it('presigns upload URLs without a checksum of an empty body (S3 would refuse every real PDF)', async () => {
    const sender = await setupSender();
    const pdf = samplePdf('checksum');
    const response = await call<{ uploadUrl: string }>('POST', '/v1/uploads', {
      token: sender.token,
      body: { fileName: 'big.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf) },
    });
    expect(response.status).toBe(201);
    expect(response.body.uploadUrl).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum-algorithm/i);
  });

  it('attaches one upload to one message only, even when publications race', async () => {
    const sender = await setupSender();
    const company = await setupEnterprise();
    const pdf = samplePdf(uniqueId('race'));
    const upload = await call<{ uploadId: string; uploadUrl: string }>('POST', '/v1/uploads', {
      token: sender.token,
      body: { fileName: 'race.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf) },
    });
    const put = await fetch(upload.body.uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: pdf });
    expect(put.status).toBe(200);
    const body = {
      recipient: company.enterpriseNumber,
      documentType: 'TAX_NOTICE',
      subject: { fr: 'Course' },
      attachments: [{ fileName: 'race.pdf', uploadId: upload.body.uploadId }],
    };
    const responses = await Promise.all(Array.from({ length: 4 }, () => call('POST', '/v1/messages', { token: sender.token, body })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(3);
    expect(await storedMessages(company.enterpriseNumber)).toHaveLength(1);
  });
});
