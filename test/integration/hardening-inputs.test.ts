import { request } from 'node:http';
import { BASE_URL, call } from './support/api';
import { publish, samplePdf, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import { expectBadRequest, expectProblem, storedMessages, storedObjects } from './support/mailbox-store';

/**
 * Hardening: what adversarial testing of v1 found in input handling (edited cursors, trace ids,
 * file names, empty messages, unknown query parameters, oversized headers). Each case failed
 * before its fix.
 */
jest.setTimeout(30_000);

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, string>;
const cursorOf = (next: string) => new URL(next, 'http://x').searchParams.get('cursor') ?? '';
const pdf = () => ({ fileName: 'avis.pdf', mediaType: 'application/pdf', contentBase64: samplePdf().toString('base64') });

let sender: SenderSetup;
let company: EnterpriseSetup;

beforeAll(async () => {
  [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
  for (let index = 0; index < 3; index += 1) await publish(sender, company.enterpriseNumber, { replyable: true });
});

describe('edited cursors are refused with 400 on cursor, before anything is read', () => {
  const lists = () => [
    { path: '/v1/messages', token: sender.token },
    { path: `/v1/enterprises/${company.enterpriseNumber}/messages`, token: company.manager.token },
    { path: `/v1/enterprises/${company.enterpriseNumber}/audit`, token: company.manager.token },
  ];

  it('an empty pk or sk in a sender cursor (the v1 500)', async () => {
    for (const edited of [
      { gsi1pk: `SND#${sender.senderId}`, gsi1sk: 'MSG#x', pk: '', sk: 'x' },
      { gsi1pk: `SND#${sender.senderId}`, gsi1sk: 'MSG#x', pk: 'x', sk: '' },
      { gsi1pk: `SND#${sender.senderId}`, gsi1sk: 'MSG#01ARZ3NDEKTSV4RRFFQ69G5FAV', pk: 'MSG#01ARZ3NDEKTSV4RRFFQ69G5FAV', sk: 'PROFILE' },
    ]) {
      expectBadRequest(await call('GET', `/v1/messages?cursor=${encode(edited)}`, { token: sender.token }), 'cursor', 'query');
    }
  });

  it('an empty pk or sk in a received-list cursor', async () => {
    const edited = { gsi1pk: `RCV#${sender.senderId}`, gsi1sk: 'OUT#x', pk: '', sk: 'x' };
    expectBadRequest(await call('GET', `/v1/received?cursor=${encode(edited)}`, { token: sender.token }), 'cursor', 'query');
  });

  it('a real cursor with one value changed, added or removed, on every list', async () => {
    for (const { path, token } of lists()) {
      const first = await call<{ next?: string }>('GET', `${path}?pageSize=1`, { token });
      expect(first.status).toBe(200);
      const real = decode(cursorOf(first.body.next ?? ''));
      const second = await call('GET', `${path}?pageSize=1&cursor=${cursorOf(first.body.next ?? '')}`, { token });
      expect(second.status).toBe(200);
      const edits: Array<Record<string, unknown>> = [
        ...Object.keys(real).map((name) => ({ ...real, [name]: '' })),
        ...Object.keys(real).map((name) => ({ ...real, [name]: `${String(real[name])}#` })),
        ...Object.keys(real).map((name) => Object.fromEntries(Object.entries(real).filter(([key]) => key !== name))),
        { ...real, extra: 'x' },
        { ...real, sk: 123 },
      ];
      for (const edited of edits) {
        const response = await call('GET', `${path}?pageSize=1&cursor=${encode(edited)}`, { token });
        expect({ path, edited, status: response.status }).toEqual({ path, edited, status: 400 });
        expectBadRequest(response, 'cursor', 'query');
      }
    }
  });

  it('a cursor given to another caller is refused', async () => {
    const other = await setupSender();
    const first = await call<{ next?: string }>('GET', '/v1/messages?pageSize=1', { token: sender.token });
    expectBadRequest(await call('GET', `/v1/messages?pageSize=1&cursor=${cursorOf(first.body.next ?? '')}`, { token: other.token }), 'cursor', 'query');
  });

  it('text that is not a cursor at all', async () => {
    for (const junk of ['x', encode([1, 2]), encode('text'), encode(null), '%E0%A4%A']) {
      const response = await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages?cursor=${junk}`, { token: company.manager.token });
      expect(response.status).toBe(400);
    }
  });
});

describe('BelGov-Trace-Id is echoed and logged only when it is a plain token', () => {
  it.each([
    ['8,000 characters', 'a'.repeat(8000)],
    ['markup', '<script>alert(1)</script>'],
    ['spaces', 'my trace id'],
    ['129 characters', 'b'.repeat(129)],
  ])('%s: ignored', async (_label, traceId) => {
    const response = await call('GET', '/health', { headers: { 'BelGov-Trace-Id': traceId } });
    expect(response.status).toBe(200);
    expect(response.headers.get('belgov-related-trace-id')).toBeNull();
    expect(response.headers.get('belgov-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['client-trace:42', 'a'.repeat(128), 'A.b_c-d:9'])('%s: echoed', async (traceId) => {
    const response = await call('GET', '/health', { headers: { 'BelGov-Trace-Id': traceId } });
    expect(response.headers.get('belgov-related-trace-id')).toBe(traceId);
  });
});

describe('unsafe attachment file names are refused on every route that takes PDFs', () => {
  const unsafe: Array<[string, string]> = [
    ['right-to-left override', '\u202Efdp.exe'],
    ['C0 control', 'avis\u0007.pdf'],
    ['C1 control', 'avis\u0085.pdf'],
    ['DEL', 'avis\u007F.pdf'],
    ['dot', '.'],
    ['dot dot', '..'],
    ['slash', 'a/b.pdf'],
    ['backslash', 'a\\b.pdf'],
    ['blank', '   '],
    ['zero-width joiner', 'av\u200Dis.pdf'],
    ['256 characters', `${'n'.repeat(252)}.pdf`],
  ];

  it.each(unsafe)('%s: 400 on attachments[0].fileName, nothing stored', async (_label, fileName) => {
    const before = (await storedMessages(company.enterpriseNumber)).length;
    const objects = (await storedObjects(`documents/${company.enterpriseNumber}/`)).length;
    const publication = await call('POST', '/v1/messages', {
      token: sender.token,
      body: { recipient: company.enterpriseNumber, documentType: 'TAX_NOTICE', subject: { fr: 'Avis' }, attachments: [{ ...pdf(), fileName }] },
    });
    expectBadRequest(publication, 'attachments[0].fileName');
    const upload = await call('POST', '/v1/uploads', {
      token: sender.token,
      body: { fileName, mediaType: 'application/pdf', size: 10, sha256: '0'.repeat(64) },
    });
    expectBadRequest(upload, 'fileName');
    const message = (await storedMessages(company.enterpriseNumber))[0];
    const reply = await call('POST', `/v1/enterprises/${company.enterpriseNumber}/messages/${String(message?.messageId)}/replies`, {
      token: company.manager.token,
      body: { body: 'Réponse', attachments: [{ ...pdf(), fileName }] },
    });
    expectBadRequest(reply, 'attachments[0].fileName');
    const sent = await call('POST', `/v1/enterprises/${company.enterpriseNumber}/sent`, {
      token: company.manager.token,
      body: { to: sender.senderId, subject: 'Question', body: 'Bonjour', attachments: [{ ...pdf(), fileName }] },
    });
    expectBadRequest(sent, 'attachments[0].fileName');
    expect((await storedMessages(company.enterpriseNumber)).length).toBe(before);
    expect((await storedObjects(`documents/${company.enterpriseNumber}/`)).length).toBe(objects);
  });

  it('ordinary names with accents, spaces and brackets still pass, up to 255 characters', async () => {
    for (const fileName of ['Avis d’imposition (2026) – é.pdf', `${'n'.repeat(251)}.pdf`]) {
      const response = await call<{ attachments: Array<{ fileName: string }> }>('POST', '/v1/messages', {
        token: sender.token,
        body: { recipient: company.enterpriseNumber, documentType: 'TAX_NOTICE', subject: { fr: 'Avis' }, attachments: [{ ...pdf(), fileName }] },
      });
      expect(response.status).toBe(201);
      expect(response.body.attachments[0]?.fileName).toBe(fileName);
    }
  });
});

describe('a message carries a body or at least one attachment', () => {
  it('a subject alone is refused and nothing is stored', async () => {
    const externalId = uniqueId('EMPTY');
    const before = (await storedMessages(company.enterpriseNumber)).length;
    const response = await call('POST', '/v1/messages', {
      token: sender.token,
      body: { recipient: company.enterpriseNumber, documentType: 'TAX_NOTICE', subject: { fr: 'Rien' }, externalId },
    });
    const problem = expectBadRequest(response, 'body');
    expect(problem.issues?.[0]?.detail).toMatch(/body or at least one attachment/);
    expect((await storedMessages(company.enterpriseNumber)).length).toBe(before);
    const replay = await call<{ items: unknown[] }>('GET', `/v1/messages?externalId=${externalId}`, { token: sender.token });
    expect(replay.body.items).toEqual([]);
  });

  it('a body alone, or an attachment alone, is enough', async () => {
    const base = { recipient: company.enterpriseNumber, documentType: 'TAX_NOTICE', subject: { fr: 'Avis' } };
    expect((await call('POST', '/v1/messages', { token: sender.token, body: { ...base, body: { fr: 'Texte' } } })).status).toBe(201);
    expect((await call('POST', '/v1/messages', { token: sender.token, body: { ...base, attachments: [pdf()] } })).status).toBe(201);
  });
});

describe('unknown query parameters are refused on every route', () => {
  const routes = () => [
    { path: '/v1/senders', token: company.manager.token },
    { path: `/v1/enterprises/${company.enterpriseNumber}/access`, token: company.manager.token },
    { path: `/v1/enterprises/${company.enterpriseNumber}`, token: company.manager.token },
    { path: '/v1/me', token: company.manager.token },
    { path: `/v1/enterprises/${company.enterpriseNumber}/messages`, token: company.manager.token },
    { path: `/v1/enterprises/${company.enterpriseNumber}/preferences`, token: sender.token },
    { path: '/v1/messages', token: sender.token },
    { path: '/v1/received', token: sender.token },
  ];

  it.each(['__proto__=x', 'constructor=x', 'unknown=1', 'toString=1'])('?%s', async (query) => {
    for (const { path, token } of routes()) {
      const response = await call('GET', `${path}?${query}`, { token });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      const name = query.split('=')[0] ?? '';
      expect(expectBadRequest(response, name, 'query').issues?.[0]?.type).toBe('urn:problem-type:belgif:input-validation:unknownInput');
    }
  });

  it('public routes too', async () => {
    expectBadRequest(await call('GET', '/health?verbose=1'), 'verbose', 'query');
  });
});

describe('the local gateway answers oversized headers with problem+json', () => {
  it('a 20 KB header: 431 problem+json', async () => {
    const { status, headers, body } = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const url = new URL('/health', BASE_URL);
      const outgoing = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { 'x-big': 'a'.repeat(20_000) } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(status).toBe(431);
    expect(headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status: 431, title: expect.any(String), detail: expect.stringMatching(/header/i) });
  });

  it('the gateway keeps serving afterwards', async () => {
    expectProblem(await call('GET', '/v1/me'), 401, 'urn:problem-type:belgif:noAccessToken');
  });
});
