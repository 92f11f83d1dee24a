import { call, clientToken, personToken } from './support/api';
import { adminToken, publish, randomSsin, samplePdf, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import { allPages, expectBadRequest, expectProblem, ISO_MS, sha256Base64, sha256Hex, ULID } from './support/mailbox-store';

/**
 * Issue "Replies and messages from companies to institutions", the happy paths over HTTP: a person
 * with a grant replies to a replyable message and writes to an institution that accepts messages;
 * the company sees its replies under the original message and its sent list; the addressed
 * institution (and only it) lists, reads and downloads them; the audit trail records both.
 */
jest.setTimeout(30_000);

interface Attachment {
  attachmentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  href?: string;
}

interface CompanyMessage {
  id: string;
  from: string;
  to: string;
  inReplyTo?: string;
  subject?: string;
  body: string;
  sentAt: string;
  expiresAt: string;
  sentBy: { name: string };
  attachments: Attachment[];
}

interface Page<T> {
  items: T[];
  pageSize: number;
  self: string;
  next?: string;
}

interface AuditItem {
  at: string;
  actor: { ssin?: string; clientId?: string; name?: string };
  action: string;
  messageId?: string;
  detail?: string;
}

const inline = (pdf: Buffer, fileName: string) => ({ fileName, mediaType: 'application/pdf', contentBase64: pdf.toString('base64') });

const repliesPath = (n: string, messageId: string) => `/v1/enterprises/${n}/messages/${messageId}/replies`;
const sentPath = (n: string, query = '') => `/v1/enterprises/${n}/sent${query}`;

/** The view the company gets back (no href: the company does not download its own PDFs here). */
const companyView = (message: CompanyMessage) => message;
/** The same message as the addressed institution sees it: each PDF with its download link. */
const institutionView = (message: CompanyMessage): CompanyMessage => ({
  ...message,
  attachments: message.attachments.map((attachment) => ({ ...attachment, href: `/v1/received/${message.id}/attachments/${attachment.attachmentId}/content` })),
});

async function grantUser(company: EnterpriseSetup, name: string): Promise<{ ssin: string; name: string; token: string }> {
  const ssin = randomSsin();
  const response = await call('PUT', `/v1/enterprises/${company.enterpriseNumber}/access/${ssin}`, {
    token: company.manager.token,
    body: { role: 'USER', name },
  });
  if (response.status !== 201) throw new Error(`grant: ${response.status} ${JSON.stringify(response.body)}`);
  return { ssin, name, token: await personToken(ssin, name) };
}

/** GET /v1/received/{companyMessageId}/attachments/{attachmentId}/content, then the presigned URL it points to. */
async function downloadReceived(token: string, id: string, attachmentId: string) {
  const redirect = await call('GET', `/v1/received/${id}/attachments/${attachmentId}/content`, { token });
  const location = redirect.headers.get('location');
  if (redirect.status !== 302 || !location) return { redirect, bytes: undefined, fetched: undefined };
  const fetched = await fetch(location);
  return { redirect, bytes: Buffer.from(await fetched.arrayBuffer()), fetched };
}

describe('a reply to a replyable message', () => {
  let institution: SenderSetup;
  let bystander: SenderSetup;
  let company: EnterpriseSetup;
  let original: { messageId: string; expiresAt: string };
  let reply: CompanyMessage;
  const replyPdfs = [samplePdf(`reply ${uniqueId('a')}`), samplePdf(`annex ${uniqueId('b')}`)];
  const replyBody = `Nous contestons l'avis. ${uniqueId('ref')} — accents éàü and emoji 📄`;

  beforeAll(async () => {
    const admin = await adminToken();
    [institution, bystander, company] = await Promise.all([setupSender({ admin }), setupSender({ admin }), setupEnterprise({ admin })]);
    original = (await publish(institution, company.enterpriseNumber, { replyable: true })) as unknown as typeof original;
  });

  it('201 with the reply: addressed to the publishing institution, inReplyTo the message, signed by the person', async () => {
    const response = await call<CompanyMessage>('POST', repliesPath(company.enterpriseNumber, original.messageId), {
      token: company.manager.token,
      body: { body: replyBody, attachments: [inline(replyPdfs[0]!, 'contestation.pdf'), inline(replyPdfs[1]!, 'annexe.pdf')] },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    reply = response.body;
    expect(reply).toEqual({
      id: expect.stringMatching(ULID),
      from: company.enterpriseNumber,
      to: institution.senderId,
      inReplyTo: original.messageId,
      body: replyBody,
      sentAt: expect.stringMatching(ISO_MS),
      expiresAt: original.expiresAt,
      sentBy: { name: company.manager.name },
      attachments: [
        {
          attachmentId: expect.stringMatching(ULID),
          fileName: 'contestation.pdf',
          mediaType: 'application/pdf',
          size: replyPdfs[0]!.length,
          sha256: sha256Hex(replyPdfs[0]!),
        },
        {
          attachmentId: expect.stringMatching(ULID),
          fileName: 'annexe.pdf',
          mediaType: 'application/pdf',
          size: replyPdfs[1]!.length,
          sha256: sha256Hex(replyPdfs[1]!),
        },
      ],
    });
    expect(reply.attachments[0]!.attachmentId).not.toBe(reply.attachments[1]!.attachmentId);
    expect(Math.abs(Date.parse(reply.sentAt) - Date.parse((await call<{ now: string }>('GET', '/local/clock')).body.now))).toBeLessThan(60_000);
  });

  it('the company sees it under the original message (replies), and the message is otherwise unchanged', async () => {
    const detail = await call<{ messageId: string; replyable: boolean; replies: CompanyMessage[] }>(
      'GET',
      `/v1/enterprises/${company.enterpriseNumber}/messages/${original.messageId}`,
      {
        token: company.manager.token,
      },
    );
    expect(detail.status).toBe(200);
    expect(detail.body.messageId).toBe(original.messageId);
    expect(detail.body.replyable).toBe(true);
    expect(detail.body.replies).toEqual([companyView(reply)]);
  });

  it('the company sees it in its sent list', async () => {
    const sent = await call<Page<CompanyMessage>>('GET', sentPath(company.enterpriseNumber), { token: company.manager.token });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ items: [companyView(reply)], pageSize: 25, self: sentPath(company.enterpriseNumber) });
  });

  it('the institution lists it in GET /v1/received and reads it with GET /v1/received/{companyMessageId}', async () => {
    const token = await clientToken(institution.clientId, 'ebox/publish');
    const received = await call<Page<CompanyMessage>>('GET', '/v1/received', { token });
    expect(received.status).toBe(200);
    expect(received.body).toEqual({ items: [institutionView(reply)], pageSize: 25, self: '/v1/received' });
    const one = await call<CompanyMessage>('GET', `/v1/received/${reply.id}`, { token });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(institutionView(reply));
    // Only the name of the person who wrote it, never their national number.
    expect(JSON.stringify(one.body)).not.toContain(company.manager.ssin);
  });

  it('the institution downloads each PDF: 302 with Repr-Digest, the very bytes the company sent', async () => {
    for (const [index, attachment] of reply.attachments.entries()) {
      const { redirect, bytes, fetched } = await downloadReceived(institution.token, reply.id, attachment.attachmentId);
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('repr-digest')).toBe(`sha-256=:${sha256Base64(replyPdfs[index]!)}:`);
      expect(fetched?.status).toBe(200);
      expect(bytes?.equals(replyPdfs[index]!)).toBe(true);
      expect(sha256Hex(bytes!)).toBe(attachment.sha256);
    }
  });

  it('another institution neither lists, reads nor downloads it (404)', async () => {
    const received = await call<Page<CompanyMessage>>('GET', '/v1/received', { token: bystander.token });
    expect(received.status).toBe(200);
    expect(received.body.items).toEqual([]);
    expectProblem(await call('GET', `/v1/received/${reply.id}`, { token: bystander.token }), 404, 'urn:problem-type:belgif:resourceNotFound');
    const { redirect } = await downloadReceived(bystander.token, reply.id, reply.attachments[0]!.attachmentId);
    expectProblem(redirect, 404, 'urn:problem-type:belgif:resourceNotFound');
    expect(redirect.headers.get('location')).toBeNull();
  });

  it('an unknown attachment or message id on the institution side: 404', async () => {
    const unknown = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    expectProblem(await call('GET', `/v1/received/${unknown}`, { token: institution.token }), 404, 'urn:problem-type:belgif:resourceNotFound');
    expectProblem(
      await call('GET', `/v1/received/${reply.id}/attachments/${unknown}/content`, { token: institution.token }),
      404,
      'urn:problem-type:belgif:resourceNotFound',
    );
    // An attachment id of the institution's own published message is not one of the reply's.
    expectProblem(await call('GET', `/v1/received/${original.messageId}`, { token: institution.token }), 404, 'urn:problem-type:belgif:resourceNotFound');
  });

  it('a second reply to the same message: both are listed under it, and the newest first in the sent list', async () => {
    const second = await call<CompanyMessage>('POST', repliesPath(company.enterpriseNumber, original.messageId), {
      token: company.manager.token,
      body: { body: 'Complément sans pièce jointe' },
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ inReplyTo: original.messageId, to: institution.senderId, attachments: [] });
    const detail = await call<{ replies: CompanyMessage[] }>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages/${original.messageId}`, {
      token: company.manager.token,
    });
    expect([...detail.body.replies].sort((a, b) => a.id.localeCompare(b.id))).toEqual([reply, second.body].sort((a, b) => a.id.localeCompare(b.id)));
    const sent = await call<Page<CompanyMessage>>('GET', sentPath(company.enterpriseNumber), { token: company.manager.token });
    expect(sent.body.items.map((item) => item.id)).toEqual([second.body.id, reply.id]);
    const received = await call<Page<CompanyMessage>>('GET', '/v1/received', { token: institution.token });
    expect(received.body.items.map((item) => item.id)).toEqual([second.body.id, reply.id]);
  });

  it('is audited as REPLY_SENT, with the person as actor and the original message', async () => {
    const audit = await call<Page<AuditItem>>('GET', `/v1/enterprises/${company.enterpriseNumber}/audit`, { token: company.manager.token });
    expect(audit.status).toBe(200);
    const replies = audit.body.items.filter((item) => item.action === 'REPLY_SENT');
    expect(replies).toHaveLength(2);
    for (const entry of replies) {
      expect(entry).toMatchObject({
        at: expect.stringMatching(ISO_MS),
        actor: { ssin: company.manager.ssin, name: company.manager.name },
        messageId: original.messageId,
      });
    }
    expect(replies.map((entry) => entry.at)).toContain(reply.sentAt);
  });
});

describe('a new message to an institution that accepts messages', () => {
  let institution: SenderSetup;
  let other: SenderSetup;
  let company: EnterpriseSetup;
  let user: { ssin: string; name: string; token: string };
  let message: CompanyMessage;
  const pdf = samplePdf(`demande ${uniqueId('d')}`);
  const subject = `Demande de plan d'apurement ${uniqueId('s')}`;

  beforeAll(async () => {
    const admin = await adminToken();
    [institution, other, company] = await Promise.all([
      setupSender({ admin, acceptsMessages: true }),
      setupSender({ admin, acceptsMessages: true }),
      setupEnterprise({ admin }),
    ]);
    user = await grantUser(company, `Bob User ${uniqueId('u')}`);
  });

  it('201 from a USER of the company: the message with its subject, no inReplyTo', async () => {
    const response = await call<CompanyMessage>('POST', sentPath(company.enterpriseNumber), {
      token: user.token,
      body: { to: institution.senderId, subject, body: 'Nous souhaitons étaler le paiement.', attachments: [inline(pdf, 'demande.pdf')] },
    });
    expect(response.status).toBe(201);
    message = response.body;
    expect(message).toEqual({
      id: expect.stringMatching(ULID),
      from: company.enterpriseNumber,
      to: institution.senderId,
      subject,
      body: 'Nous souhaitons étaler le paiement.',
      sentAt: expect.stringMatching(ISO_MS),
      expiresAt: expect.stringMatching(ISO_MS),
      sentBy: { name: user.name },
      attachments: [
        { attachmentId: expect.stringMatching(ULID), fileName: 'demande.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf) },
      ],
    });
    // A company's own message stays a year (companyMessageValidityDays).
    expect(Date.parse(message.expiresAt) - Date.parse(message.sentAt)).toBe(365 * 86_400_000);
  });

  it('the addressed institution receives it; another one does not', async () => {
    const received = await call<Page<CompanyMessage>>('GET', '/v1/received', { token: institution.token });
    expect(received.body.items).toEqual([institutionView(message)]);
    expect((await call<CompanyMessage>('GET', `/v1/received/${message.id}`, { token: institution.token })).body).toEqual(institutionView(message));
    expect((await call<Page<CompanyMessage>>('GET', '/v1/received', { token: other.token })).body.items).toEqual([]);
    expectProblem(await call('GET', `/v1/received/${message.id}`, { token: other.token }), 404, 'urn:problem-type:belgif:resourceNotFound');
  });

  it('the institution downloads the PDF (302, Repr-Digest, same bytes)', async () => {
    const { redirect, bytes } = await downloadReceived(institution.token, message.id, message.attachments[0]!.attachmentId);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('repr-digest')).toBe(`sha-256=:${sha256Base64(pdf)}:`);
    expect(bytes?.equals(pdf)).toBe(true);
    const { redirect: refused } = await downloadReceived(other.token, message.id, message.attachments[0]!.attachmentId);
    expectProblem(refused, 404, 'urn:problem-type:belgif:resourceNotFound');
  });

  it('the company lists it in its sent list, for the manager, the user and its own machine client', async () => {
    const clientId = uniqueId('erp');
    expect(
      (await call('PUT', `/v1/admin/clients/${clientId}`, { token: await adminToken(), body: { enterpriseNumber: company.enterpriseNumber } })).status,
    ).toBe(200);
    for (const token of [company.manager.token, user.token, await clientToken(clientId, 'ebox/read')]) {
      const sent = await call<Page<CompanyMessage>>('GET', sentPath(company.enterpriseNumber), { token });
      expect(sent.status).toBe(200);
      expect(sent.body.items).toEqual([message]);
    }
  });

  it('is audited as MESSAGE_SENT, with the user as actor and the new message', async () => {
    const audit = await call<Page<AuditItem>>('GET', `/v1/enterprises/${company.enterpriseNumber}/audit`, { token: company.manager.token });
    expect(audit.status).toBe(200);
    const sent = audit.body.items.filter((item) => item.action === 'MESSAGE_SENT');
    expect(sent).toEqual([expect.objectContaining({ at: message.sentAt, actor: { ssin: user.ssin, name: user.name }, messageId: message.id })]);
  });

  it('a message without attachments, with a body of exactly 20 000 characters and a subject of 200: 201', async () => {
    const body = 'x'.repeat(20_000);
    const response = await call<CompanyMessage>('POST', sentPath(company.enterpriseNumber), {
      token: company.manager.token,
      body: { to: other.senderId, subject: 's'.repeat(200), body },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ to: other.senderId, body, subject: 's'.repeat(200), attachments: [] });
    expect((await call<CompanyMessage>('GET', `/v1/received/${response.body.id}`, { token: other.token })).body.body).toBe(body);
  });

  it('five attachments: 201, all five delivered', async () => {
    const pdfs = Array.from({ length: 5 }, (_, index) => samplePdf(`part ${index} ${uniqueId('p')}`));
    const response = await call<CompanyMessage>('POST', sentPath(company.enterpriseNumber), {
      token: company.manager.token,
      body: {
        to: institution.senderId,
        subject: 'Cinq pièces',
        body: 'Voir annexes',
        attachments: pdfs.map((bytes, index) => inline(bytes, `part-${index}.pdf`)),
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.attachments.map((attachment) => [attachment.fileName, attachment.sha256])).toEqual(
      pdfs.map((bytes, index) => [`part-${index}.pdf`, sha256Hex(bytes)]),
    );
    for (const [index, attachment] of response.body.attachments.entries()) {
      const { bytes } = await downloadReceived(institution.token, response.body.id, attachment.attachmentId);
      expect(bytes?.equals(pdfs[index]!)).toBe(true);
    }
  });
});

describe('pagination of the sent and received lists (newest first, cursor and next)', () => {
  let institution: SenderSetup;
  let companies: EnterpriseSetup[];
  /** In sending order (oldest first). */
  const sent: CompanyMessage[] = [];

  beforeAll(async () => {
    const admin = await adminToken();
    institution = await setupSender({ admin });
    companies = await Promise.all([setupEnterprise({ admin }), setupEnterprise({ admin })]);
    const replyable = await publish(institution, companies[0]!.enterpriseNumber, { replyable: true });
    // Five from the first company (3 messages, 2 replies, interleaved) and two from the second.
    const plan: Array<[number, 'message' | 'reply']> = [
      [0, 'message'],
      [1, 'message'],
      [0, 'reply'],
      [0, 'message'],
      [1, 'message'],
      [0, 'reply'],
      [0, 'message'],
    ];
    for (const [index, kind] of plan) {
      const company = companies[index]!;
      const response =
        kind === 'reply'
          ? await call<CompanyMessage>('POST', repliesPath(company.enterpriseNumber, replyable.messageId), {
              token: company.manager.token,
              body: { body: `reply ${sent.length}` },
            })
          : await call<CompanyMessage>('POST', sentPath(company.enterpriseNumber), {
              token: company.manager.token,
              body: { to: institution.senderId, subject: `message ${sent.length}`, body: 'text' },
            });
      if (response.status !== 201) throw new Error(`send: ${response.status} ${JSON.stringify(response.body)}`);
      sent.push(response.body);
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct milliseconds: ids sort by time
    }
  });

  it('GET /v1/received pages through everything addressed to the institution, newest first', async () => {
    const expected = [...sent].reverse().map((message) => message.id);
    const { items, pages } = await allPages<CompanyMessage>(institution.token, '/v1/received?pageSize=3');
    expect(items.map((item) => item.id)).toEqual(expected);
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(pages.map((page) => page.pageSize)).toEqual([3, 3, 3]);
    expect(pages[0]!.self).toBe('/v1/received?pageSize=3');
    expect(pages[1]!.self).toMatch(/^\/v1\/received\?pageSize=3&cursor=[\w-]+$/);
    expect(pages[2]).not.toHaveProperty('next');
    expect(new Set(items.map((item) => item.from))).toEqual(new Set(companies.map((company) => company.enterpriseNumber)));
    expect(items.filter((item) => item.inReplyTo).map((item) => item.id)).toEqual(
      expected.filter((id) => sent.find((message) => message.id === id)?.inReplyTo),
    );
  });

  it('a page size of exactly the count has no next link', async () => {
    const page = await call<Page<CompanyMessage>>('GET', '/v1/received?pageSize=7', { token: institution.token });
    expect(page.body.items).toHaveLength(7);
    expect(page.body).not.toHaveProperty('next');
  });

  it("GET /v1/enterprises/{n}/sent pages through the company's own messages and replies only, newest first", async () => {
    const [first, second] = companies as [EnterpriseSetup, EnterpriseSetup];
    const mine = (company: EnterpriseSetup) =>
      [...sent]
        .reverse()
        .filter((message) => message.from === company.enterpriseNumber)
        .map((message) => message.id);
    const firstPages = await allPages<CompanyMessage>(first.manager.token, sentPath(first.enterpriseNumber, '?pageSize=2'));
    expect(firstPages.items.map((item) => item.id)).toEqual(mine(first));
    expect(firstPages.pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    const secondPages = await allPages<CompanyMessage>(second.manager.token, sentPath(second.enterpriseNumber, '?pageSize=1'));
    expect(secondPages.items.map((item) => item.id)).toEqual(mine(second));
    expect(secondPages.pages).toHaveLength(2);
  });

  it('a cursor from another listing is refused (400 naming cursor)', async () => {
    const [first, second] = companies as [EnterpriseSetup, EnterpriseSetup];
    const firstPage = await call<Page<CompanyMessage>>('GET', sentPath(first.enterpriseNumber, '?pageSize=1'), { token: first.manager.token });
    const cursor = new URLSearchParams(firstPage.body.next!.split('?')[1]).get('cursor')!;
    expectBadRequest(await call('GET', sentPath(second.enterpriseNumber, `?cursor=${cursor}`), { token: second.manager.token }), 'cursor', 'query');
    expectBadRequest(await call('GET', `/v1/received?cursor=${cursor}`, { token: institution.token }), 'cursor', 'query');
    const received = await call<Page<CompanyMessage>>('GET', '/v1/received?pageSize=1', { token: institution.token });
    const receivedCursor = new URLSearchParams(received.body.next!.split('?')[1]).get('cursor')!;
    const otherInstitution = await setupSender();
    expectBadRequest(await call('GET', `/v1/received?cursor=${receivedCursor}`, { token: otherInstitution.token }), 'cursor', 'query');
  });

  /** The cursor of the next page of one of the first company's listings. */
  const cursorOf = async (path: string) => {
    const [first] = companies as [EnterpriseSetup];
    const page = await call<Page<unknown>>('GET', path, { token: first.manager.token });
    expect(page.body.next).toEqual(expect.any(String));
    return new URLSearchParams(page.body.next!.split('?')[1]).get('cursor')!;
  };
  const listing = (name: 'inbox' | 'audit' | 'sent') =>
    `/v1/enterprises/${companies[0]!.enterpriseNumber}/${{ inbox: 'messages', audit: 'audit', sent: 'sent' }[name]}`;

  it.each([
    ['inbox', 'sent'],
    ['audit', 'sent'],
    ['sent', 'inbox'],
    ['sent', 'audit'],
  ] as const)("a cursor of the same company's %s listing on its %s listing: 400 naming cursor", async (from, to) => {
    if (from === 'inbox') await publish(institution, companies[0]!.enterpriseNumber); // two inbox messages: the inbox has a next page
    const cursor = await cursorOf(`${listing(from)}?pageSize=1`);
    expectBadRequest(await call('GET', `${listing(to)}?cursor=${cursor}`, { token: companies[0]!.manager.token }), 'cursor', 'query');
  });

  it.each([['0'], ['101'], ['abc']])('pageSize=%s: 400 naming pageSize', async (pageSize) => {
    expectBadRequest(await call('GET', `/v1/received?pageSize=${pageSize}`, { token: institution.token }), 'pageSize', 'query');
    expectBadRequest(
      await call('GET', sentPath(companies[0]!.enterpriseNumber, `?pageSize=${pageSize}`), { token: companies[0]!.manager.token }),
      'pageSize',
      'query',
    );
  });
});

describe('side effects and links of a reply', () => {
  let institution: SenderSetup;
  let company: EnterpriseSetup;

  beforeAll(async () => {
    const admin = await adminToken();
    // An institution that accepts no free messages may still make a message replyable.
    [institution, company] = await Promise.all([setupSender({ admin, acceptsMessages: false }), setupEnterprise({ admin })]);
  });

  it('a reply to a replyable message of an institution that accepts no messages: 201, and the institution receives it', async () => {
    const message = await publish(institution, company.enterpriseNumber, { replyable: true });
    const response = await call<CompanyMessage>('POST', repliesPath(company.enterpriseNumber, message.messageId), {
      token: company.manager.token,
      body: { body: 'Réponse' },
    });
    expect(response.status).toBe(201);
    const received = await call<Page<CompanyMessage>>('GET', '/v1/received', { token: institution.token });
    expect(received.body.items.map((item) => [item.id, item.inReplyTo])).toEqual([[response.body.id, message.messageId]]);
  });

  it("replies and sent messages never appear in the company's inbox nor change its unread count", async () => {
    const other = await setupSender();
    const message = await publish(institution, company.enterpriseNumber, { replyable: true });
    const inboxBefore = await call<Page<{ messageId: string }>>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages?pageSize=100`, {
      token: company.manager.token,
    });
    const profileBefore = await call<{ unreadCount: number }>('GET', `/v1/enterprises/${company.enterpriseNumber}`, { token: company.manager.token });
    expect(
      (await call('POST', repliesPath(company.enterpriseNumber, message.messageId), { token: company.manager.token, body: { body: 'Réponse' } })).status,
    ).toBe(201);
    expect(
      (await call('POST', sentPath(company.enterpriseNumber), { token: company.manager.token, body: { to: other.senderId, subject: 'Objet', body: 'Texte' } }))
        .status,
    ).toBe(201);
    const inboxAfter = await call<Page<{ messageId: string }>>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages?pageSize=100`, {
      token: company.manager.token,
    });
    expect(inboxAfter.body.items.map((item) => item.messageId)).toEqual(inboxBefore.body.items.map((item) => item.messageId));
    const profileAfter = await call<{ unreadCount: number }>('GET', `/v1/enterprises/${company.enterpriseNumber}`, { token: company.manager.token });
    expect(profileAfter.body.unreadCount).toBe(profileBefore.body.unreadCount);
  });

  /**
   * The contract does not spell out a Location for these two 201s, but the API sends one (and
   * documents it in /openapi.json); like POST /v1/messages' Location, it must lead to what was
   * created (RFC 9110 §15.3.2), not to a route that does not exist.
   */
  it.each(['reply', 'message'] as const)('the Location of the 201 for a %s leads to the created item', async (kind) => {
    const other = await setupSender();
    const message = await publish(institution, company.enterpriseNumber, { replyable: true });
    const response =
      kind === 'reply'
        ? await call<CompanyMessage>('POST', repliesPath(company.enterpriseNumber, message.messageId), {
            token: company.manager.token,
            body: { body: 'Réponse' },
          })
        : await call<CompanyMessage>('POST', sentPath(company.enterpriseNumber), {
            token: company.manager.token,
            body: { to: other.senderId, subject: 'Objet', body: 'Texte' },
          });
    expect(response.status).toBe(201);
    const location = response.headers.get('location');
    expect(location).toEqual(expect.stringContaining(response.body.id));
    const followed = await call<CompanyMessage>('GET', location!, { token: company.manager.token });
    expect({ status: followed.status, body: followed.body }).toEqual({ status: 200, body: response.body });
  });
});
