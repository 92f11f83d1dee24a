import { call, clientToken, personToken } from './support/api';
import { adminToken, publish, randomSsin, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import { allPages, download, expectBadRequest, expectProblem } from './support/mailbox-store';

/**
 * The company's inbox: filters, cursor pagination, and who may see which message.
 */
jest.setTimeout(30_000);

interface Summary {
  messageId: string;
  sender: { senderId: string };
  documentType: { code: string };
  registered: boolean;
  publishedAt: string;
  read: boolean;
  readAt?: string;
}

interface SentView {
  messageId: string;
  publishedAt: string;
  status: string;
  firstReadAt?: string;
  attachments: Array<{ attachmentId: string }>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const plusMs = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
const ids = (items: Array<{ messageId: string }>) => items.map((item) => item.messageId);

describe('inbox filters and pagination', () => {
  let a: SenderSetup;
  let b: SenderSetup;
  let company: EnterpriseSetup;
  /** m[0] … m[6], oldest first. */
  const m: SentView[] = [];
  const inbox = (query: string) => `/v1/enterprises/${company.enterpriseNumber}/messages${query}`;
  const list = (query: string) =>
    call<{ items: Summary[]; pageSize: number; self: string; next?: string }>('GET', inbox(query), { token: company.manager.token });
  /** Newest first: indexes into m, in descending order. */
  const newestFirst = (...indexes: number[]) => [...indexes].sort((x, y) => y - x).map((index) => m[index]!.messageId);

  beforeAll(async () => {
    [a, b, company] = await Promise.all([setupSender(), setupSender(), setupEnterprise()]);
    const plan: Array<[SenderSetup, string, boolean]> = [
      [a, 'TAX_NOTICE', false], // 0
      [a, 'REMINDER', true], // 1
      [a, 'TAX_NOTICE', true], // 2
      [b, 'TAX_NOTICE', false], // 3
      [b, 'REMINDER', false], // 4
      [b, 'TAX_NOTICE', true], // 5
      [b, 'REMINDER', false], // 6
    ];
    for (const [sender, documentType, registered] of plan) {
      m.push((await publish(sender, company.enterpriseNumber, { documentType, registered })) as unknown as SentView);
      await pause(5); // distinct publication instants, a few ms apart
    }
    for (const index of [1, 4]) {
      const marked = await call('PATCH', inbox(`/${m[index]!.messageId}`), { token: company.manager.token, body: { read: true } });
      expect(marked.status).toBe(200);
    }
  });

  it('lists everything newest first by default, on one page of 25', async () => {
    const response = await list('');
    expect(response.status).toBe(200);
    expect(ids(response.body.items)).toEqual(newestFirst(0, 1, 2, 3, 4, 5, 6));
    expect(response.body.pageSize).toBe(25);
    expect(response.body.self).toBe(inbox(''));
    expect(response.body).not.toHaveProperty('next');
    const instants = response.body.items.map((item) => Date.parse(item.publishedAt));
    expect(instants).toEqual([...instants].sort((x, y) => y - x));
  });

  it.each([
    ['read=true', [1, 4]],
    ['read=false', [0, 2, 3, 5, 6]],
    ['documentType=REMINDER', [1, 4, 6]],
    ['documentType=TAX_NOTICE', [0, 2, 3, 5]],
    ['registered=true', [1, 2, 5]],
    ['registered=false', [0, 3, 4, 6]],
    ['documentType=REMINDER&read=false', [6]],
    ['documentType=TAX_NOTICE&registered=true&read=false', [2, 5]],
    ['documentType=PARKING_FINE', []],
  ])('filters by %s', async (query, expected) => {
    const response = await list(`?${query}`);
    expect(response.status).toBe(200);
    expect(ids(response.body.items)).toEqual(newestFirst(...expected));
    expect(response.body.self).toBe(inbox(`?${query}`));
    expect(response.body).not.toHaveProperty('next');
  });

  it('filters by senderId, alone and with other filters', async () => {
    expect(ids((await list(`?senderId=${a.senderId}`)).body.items)).toEqual(newestFirst(0, 1, 2));
    expect(ids((await list(`?senderId=${b.senderId}`)).body.items)).toEqual(newestFirst(3, 4, 5, 6));
    expect(ids((await list(`?senderId=${b.senderId}&documentType=TAX_NOTICE&registered=false`)).body.items)).toEqual(newestFirst(3));
    expect(ids((await list(`?senderId=${a.senderId}&read=true`)).body.items)).toEqual(newestFirst(1));
    expect(ids((await list(`?senderId=${uniqueId('nobody')}`)).body.items)).toEqual([]);
  });

  it('filters by publishedAfter and publishedBefore (instants between two publications)', async () => {
    const between = (x: number) => plusMs(m[x]!.publishedAt, 1); // after m[x], before m[x + 1]
    expect(Date.parse(m[3]!.publishedAt)).toBeGreaterThan(Date.parse(between(2)));
    expect(ids((await list(`?publishedAfter=${between(2)}`)).body.items)).toEqual(newestFirst(3, 4, 5, 6));
    expect(ids((await list(`?publishedBefore=${between(4)}`)).body.items)).toEqual(newestFirst(0, 1, 2, 3, 4));
    expect(ids((await list(`?publishedAfter=${between(1)}&publishedBefore=${between(4)}`)).body.items)).toEqual(newestFirst(2, 3, 4));
    expect(ids((await list(`?publishedAfter=${between(1)}&publishedBefore=${between(4)}&senderId=${b.senderId}`)).body.items)).toEqual(newestFirst(3, 4));
    expect(ids((await list(`?publishedAfter=${between(6)}`)).body.items)).toEqual([]);
    expect(ids((await list(`?publishedBefore=${plusMs(m[0]!.publishedAt, -1)}`)).body.items)).toEqual([]);
  });

  it('pages through everything with pageSize=3: three pages, newest first, no duplicates', async () => {
    const { items, pages } = await allPages<Summary>(company.manager.token, inbox('?pageSize=3'));
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(ids(items)).toEqual(newestFirst(0, 1, 2, 3, 4, 5, 6));
    expect(new Set(ids(items)).size).toBe(7);
    expect(pages[0]!.self).toBe(inbox('?pageSize=3'));
    for (const [index, page] of pages.entries()) {
      expect(page.pageSize).toBe(3);
      if (index > 0) expect(page.self).toBe(pages[index - 1]!.next);
      if (index < pages.length - 1) {
        const next = new URL(page.next!, 'http://x');
        expect(next.pathname).toBe(`/v1/enterprises/${company.enterpriseNumber}/messages`);
        expect(next.searchParams.get('pageSize')).toBe('3');
        expect(next.searchParams.get('cursor')).toMatch(/^\S+$/);
        expect([...next.searchParams.keys()].sort()).toEqual(['cursor', 'pageSize']);
      } else {
        expect(page).not.toHaveProperty('next');
      }
    }
  });

  it('pages with pageSize=1 through seven pages', async () => {
    const { items, pages } = await allPages<Summary>(company.manager.token, inbox('?pageSize=1'));
    expect(ids(items)).toEqual(newestFirst(0, 1, 2, 3, 4, 5, 6));
    expect(pages.filter((page) => page.items.length > 0)).toHaveLength(7);
  });

  it('keeps the filters in the next links and pages through the filtered set', async () => {
    const { items, pages } = await allPages<Summary>(company.manager.token, inbox('?read=false&pageSize=2'));
    expect(ids(items)).toEqual(newestFirst(0, 2, 3, 5, 6));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.items.every((item) => !item.read)).toBe(true);
      if (page.next) expect(new URL(page.next, 'http://x').searchParams.get('read')).toBe('false');
    }
  });

  it('refuses pageSize 0, 101 and a non-number: 400 naming pageSize', async () => {
    for (const pageSize of ['0', '101', 'ten', '-1', '2.5']) {
      expectBadRequest(await list(`?pageSize=${pageSize}`), 'pageSize', 'query');
    }
    expect((await list('?pageSize=100')).status).toBe(200);
  });

  it('refuses a garbage cursor, and a cursor of another company: 400 naming cursor', async () => {
    expectBadRequest(await list('?cursor=garbage'), 'cursor', 'query');
    expectBadRequest(await list(`?cursor=${Buffer.from('{"pk":1}').toString('base64url')}`), 'cursor', 'query');
    const [other, third] = await Promise.all([setupEnterprise(), setupSender()]);
    for (let index = 0; index < 2; index += 1) await publish(third, other.enterpriseNumber);
    const first = await call<{ next?: string }>('GET', `/v1/enterprises/${other.enterpriseNumber}/messages?pageSize=1`, { token: other.manager.token });
    const cursor = new URL(first.body.next!, 'http://x').searchParams.get('cursor')!;
    expectBadRequest(await list(`?pageSize=1&cursor=${encodeURIComponent(cursor)}`), 'cursor', 'query');
  });

  it.each([
    ['read=yes', 'read'],
    ['registered=1', 'registered'],
    ['publishedAfter=yesterday', 'publishedAfter'],
    ['publishedBefore=2026-01-01', 'publishedBefore'],
    ['documentType=%20', 'documentType'],
  ])('refuses %s: 400 naming %s', async (query, field) => {
    expectBadRequest(await list(`?${query}`), field, 'query');
  });

  it("pages through the sender's own messages, newest first (GET /v1/messages)", async () => {
    const { items, pages } = await allPages<SentView>(a.token, '/v1/messages?pageSize=2');
    expect(ids(items)).toEqual(newestFirst(0, 1, 2));
    expect(pages[0]!.items).toHaveLength(2);
    expect(pages[0]!.self).toBe('/v1/messages?pageSize=2');
    expectBadRequest(await call('GET', '/v1/messages?pageSize=0', { token: a.token }), 'pageSize', 'query');
    expectBadRequest(await call('GET', '/v1/messages?cursor=garbage', { token: a.token }), 'cursor', 'query');
  });
});

describe('who may see a message', () => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;
  let other: EnterpriseSetup;
  let message: SentView;
  let path: string;

  beforeAll(async () => {
    [sender, company, other] = await Promise.all([setupSender(), setupEnterprise(), setupEnterprise()]);
    message = (await publish(sender, company.enterpriseNumber, { registered: true })) as unknown as SentView;
    path = `/v1/enterprises/${company.enterpriseNumber}/messages/${message.messageId}`;
  });

  it('another sender gets 404 for the message, and does not find it by listing', async () => {
    const stranger = await setupSender();
    expectProblem(await call('GET', `/v1/messages/${message.messageId}`, { token: stranger.token }), 404, 'urn:problem-type:belgif:resourceNotFound');
    const listed = await call<{ items: SentView[] }>('GET', '/v1/messages', { token: stranger.token });
    expect(ids(listed.body.items)).not.toContain(message.messageId);
  });

  it('the sender gets 404 for a message id that does not exist', async () => {
    expectProblem(await call('GET', '/v1/messages/01ARZ3NDEKTSV4RRFFQ69G5FAV', { token: sender.token }), 404, 'urn:problem-type:belgif:resourceNotFound');
  });

  it("a person with a grant on another company gets 404 through that company's path", async () => {
    const token = other.manager.token;
    const viaOther = `/v1/enterprises/${other.enterpriseNumber}/messages/${message.messageId}`;
    expectProblem(await call('GET', viaOther, { token }), 404, 'urn:problem-type:belgif:resourceNotFound');
    expectProblem(await call('PATCH', viaOther, { token, body: { read: true } }), 404, 'urn:problem-type:belgif:resourceNotFound');
    const attachment = message.attachments[0]!.attachmentId;
    expectProblem(await call('GET', `${viaOther}/attachments/${attachment}/content`, { token }), 404, 'urn:problem-type:belgif:resourceNotFound');
    const inbox = await call<{ items: Summary[] }>('GET', `/v1/enterprises/${other.enterpriseNumber}/messages`, { token });
    expect(inbox.body.items).toEqual([]);
  });

  it('a person without a grant on the company gets 403 missingPermission on every mailbox route', async () => {
    for (const token of [other.manager.token, await personToken(randomSsin(true), 'Stranger')]) {
      const attachment = message.attachments[0]!.attachmentId;
      const refused = [
        await call('GET', `/v1/enterprises/${company.enterpriseNumber}`, { token }),
        await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token }),
        await call('GET', path, { token }),
        await call('PATCH', path, { token, body: { read: true } }),
        await call('GET', `${path}/attachments/${attachment}/content`, { token }),
      ];
      for (const response of refused) expectProblem(response, 403, 'urn:problem-type:belgif:missingPermission');
      expect(refused.every((response) => response.headers.get('location') === null)).toBe(true);
    }
    const profile = await call<{ unreadCount: number }>('GET', `/v1/enterprises/${company.enterpriseNumber}`, { token: company.manager.token });
    expect(profile.body.unreadCount).toBe(1);
  });

  it('a client bound to another company gets 403; a client bound to this company reads the inbox', async () => {
    const admin = await adminToken();
    const strangerId = uniqueId('erp');
    const ownId = uniqueId('erp');
    expect((await call('PUT', `/v1/admin/clients/${strangerId}`, { token: admin, body: { enterpriseNumber: other.enterpriseNumber } })).status).toBe(200);
    expect((await call('PUT', `/v1/admin/clients/${ownId}`, { token: admin, body: { enterpriseNumber: company.enterpriseNumber } })).status).toBe(200);
    const stranger = await clientToken(strangerId, 'ebox/read');
    expectProblem(
      await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: stranger }),
      403,
      'urn:problem-type:belgif:missingPermission',
    );
    expectProblem(await call('GET', path, { token: stranger }), 403, 'urn:problem-type:belgif:missingPermission');
    const own = await clientToken(ownId, 'ebox/read');
    const inbox = await call<{ items: Summary[] }>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: own });
    expect(inbox.status).toBe(200);
    expect(ids(inbox.body.items)).toEqual([message.messageId]);
  });

  it('a person whose grant was revoked loses access at once', async () => {
    const [s2, c2] = await Promise.all([setupSender(), setupEnterprise()]);
    const user = { ssin: randomSsin(), name: 'Bob User' };
    const granted = await call('PUT', `/v1/enterprises/${c2.enterpriseNumber}/access/${user.ssin}`, {
      token: c2.manager.token,
      body: { role: 'USER', name: user.name },
    });
    expect([200, 201]).toContain(granted.status);
    const userToken = await personToken(user.ssin, user.name);
    const published = (await publish(s2, c2.enterpriseNumber)) as unknown as SentView;
    const own = `/v1/enterprises/${c2.enterpriseNumber}/messages/${published.messageId}`;
    expect((await call('GET', own, { token: userToken })).status).toBe(200);
    expect((await call('DELETE', `/v1/enterprises/${c2.enterpriseNumber}/access/${user.ssin}`, { token: c2.manager.token })).status).toBe(204);
    expectProblem(await call('GET', own, { token: userToken }), 403, 'urn:problem-type:belgif:missingPermission');
    const { redirect } = await download(userToken, c2.enterpriseNumber, published.messageId, published.attachments[0]!.attachmentId);
    expectProblem(redirect, 403, 'urn:problem-type:belgif:missingPermission');
  });

  it('a malformed message id is a 400 naming messageId; an unknown one a 404', async () => {
    const token = company.manager.token;
    expectBadRequest(await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages/not-an-id`, { token }), 'messageId', 'path');
    expectProblem(
      await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages/01ARZ3NDEKTSV4RRFFQ69G5FAV`, { token }),
      404,
      'urn:problem-type:belgif:resourceNotFound',
    );
  });

  it('a malformed enterprise number in the path is a 400 naming enterpriseNumber', async () => {
    const n = company.enterpriseNumber;
    const wrong = `${n.slice(0, 8)}${`${(Number(n.slice(8)) % 97) + 1}`.padStart(2, '0')}`;
    expectBadRequest(await call('GET', `/v1/enterprises/${wrong}/messages`, { token: company.manager.token }), 'enterpriseNumber', 'path');
  });

  it('the company reads the message through its number in any accepted format', async () => {
    const n = company.enterpriseNumber;
    const response = await call<{ items: Summary[] }>('GET', `/v1/enterprises/BE${n}/messages`, { token: company.manager.token });
    expect(response.status).toBe(200);
    expect(ids(response.body.items)).toEqual([message.messageId]);
  });

  it('none of the refused requests above counted as a read of the registered message', async () => {
    const view = await call<SentView>('GET', `/v1/messages/${message.messageId}`, { token: sender.token });
    expect(view.status).toBe(200);
    expect(view.body.status).toBe('DELIVERED');
    expect(view.body).not.toHaveProperty('firstReadAt');
  });
});
