import { call, clientToken, personToken } from './support/api';
import { advanceDays, clockNow, drain, emailsSince, job } from './support/aws-inspect';
import { publish, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import { companyClient, newPerson } from './support/personas';
import { expectProblem } from './support/mailbox-store';

/**
 * Hardening: reading marks read, download URLs never outlive their document, and the audit trail
 * tells the whole life of each message. This file moves the shared local clock forward.
 */
jest.setTimeout(60_000);

interface Summary {
  messageId: string;
  read: boolean;
  readAt?: string;
}
interface AuditItem {
  at: string;
  actor: { ssin?: string; clientId?: string; name?: string };
  action: string;
  messageId?: string;
  detail?: string;
}

let sender: SenderSetup;
let company: EnterpriseSetup;
const path = (suffix = '') => `/v1/enterprises/${company.enterpriseNumber}${suffix}`;
const unreadCount = async (token = company.manager.token) => (await call<{ unreadCount: number }>('GET', path(), { token })).body.unreadCount;
const auditOf = async (messageId?: string, token = company.manager.token) => {
  const items: AuditItem[] = [];
  let next: string | undefined = path('/audit?pageSize=100');
  while (next) {
    const page: { body: { items: AuditItem[]; next?: string } } = await call('GET', next, { token });
    items.push(...page.body.items);
    next = page.body.next;
  }
  return messageId ? items.filter((item) => item.messageId === messageId) : items;
};

beforeAll(async () => {
  [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
});

/** Tokens valid at the shared clock's new instant, after a test moved it. */
async function refreshTokens(): Promise<void> {
  company.manager.token = await personToken(company.manager.ssin, company.manager.name);
  sender.token = await clientToken(sender.clientId, 'ebox/publish');
}

describe('reading marks a message read', () => {
  it('opening a message marks it read for the company, with readAt, and the unread count drops', async () => {
    const { messageId } = await publish(sender, company.enterpriseNumber);
    const before = await unreadCount();
    const opened = await call<Summary & { firstReadAt?: string }>('GET', path(`/messages/${messageId}`), { token: company.manager.token });
    expect(opened.status).toBe(200);
    expect(opened.body.read).toBe(true);
    expect(opened.body.readAt).toEqual(expect.any(String));
    expect(await unreadCount()).toBe(before - 1);
    const listed = await call<{ items: Summary[] }>('GET', path('/messages?read=false'), { token: company.manager.token });
    expect(listed.body.items.map((item) => item.messageId)).not.toContain(messageId);
    const sent = await call<{ status: string; firstReadAt: string }>('GET', `/v1/messages/${messageId}`, { token: sender.token });
    expect(sent.body.status).toBe('READ');
    expect(sent.body.firstReadAt).toBe(opened.body.readAt);
  });

  it('downloading an attachment marks it read too', async () => {
    const message = await publish(sender, company.enterpriseNumber);
    const before = await unreadCount();
    const attachmentId = message.attachments[0]?.attachmentId ?? '';
    const redirect = await call('GET', path(`/messages/${message.messageId}/attachments/${attachmentId}/content`), { token: company.manager.token });
    expect(redirect.status).toBe(302);
    const item = (await call<{ items: Summary[] }>('GET', path('/messages?pageSize=100'), { token: company.manager.token })).body.items.find(
      (candidate) => candidate.messageId === message.messageId,
    );
    expect(item).toMatchObject({ read: true, readAt: expect.any(String) });
    expect(await unreadCount()).toBe(before - 1);
  });

  it('a second read changes nothing; marking unread still works and is audited; reading again marks read again; firstReadAt never changes', async () => {
    const { messageId } = await publish(sender, company.enterpriseNumber);
    const first = await call<Summary>('GET', path(`/messages/${messageId}`), { token: company.manager.token });
    const count = await unreadCount();
    const second = await call<Summary>('GET', path(`/messages/${messageId}`), { token: company.manager.token });
    expect(second.body.readAt).toBe(first.body.readAt);
    expect(await unreadCount()).toBe(count);

    const unread = await call<Summary>('PATCH', path(`/messages/${messageId}`), { token: company.manager.token, body: { read: false } });
    expect(unread.status).toBe(200);
    expect(unread.body.read).toBe(false);
    expect(unread.body).not.toHaveProperty('readAt');
    expect(await unreadCount()).toBe(count + 1);
    expect((await auditOf(messageId)).map((entry) => entry.action)).toContain('MESSAGE_MARKED_UNREAD');

    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = await call<Summary>('GET', path(`/messages/${messageId}`), { token: company.manager.token });
    expect(third.body.read).toBe(true);
    expect(await unreadCount()).toBe(count);
    const sent = await call<{ firstReadAt: string }>('GET', `/v1/messages/${messageId}`, { token: sender.token });
    expect(sent.body.firstReadAt).toBe(first.body.readAt);
  });

  it('concurrent first reads count once', async () => {
    const { messageId } = await publish(sender, company.enterpriseNumber);
    const before = await unreadCount();
    const reads = await Promise.all(Array.from({ length: 6 }, () => call<Summary>('GET', path(`/messages/${messageId}`), { token: company.manager.token })));
    expect(reads.map((response) => response.status)).toEqual(Array(6).fill(200));
    expect(new Set(reads.map((response) => response.body.readAt)).size).toBe(1);
    expect(await unreadCount()).toBe(before - 1);
  });

  it("the company's own system reading through its client marks read as well", async () => {
    const { messageId } = await publish(sender, company.enterpriseNumber);
    const erp = await companyClient(company.enterpriseNumber);
    const read = await call<Summary>('GET', path(`/messages/${messageId}`), { token: erp.token });
    expect(read.body.read).toBe(true);
    const audit = await auditOf(messageId);
    expect(audit.find((entry) => entry.action === 'MESSAGE_READ')?.actor).toEqual({ clientId: erp.clientId });
  });
});

describe('the audit trail tells the whole life of each message', () => {
  it('publication, email, read, download, unread mark, expiry warning, expiry and deletion', async () => {
    const snapshot = await drain();
    const message = await publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 3 });
    const attachmentId = message.attachments[0]?.attachmentId ?? '';
    await drain();
    expect(await emailsSince(snapshot, company.email)).toHaveLength(1);
    await call('GET', path(`/messages/${message.messageId}`), { token: company.manager.token });
    await call('GET', path(`/messages/${message.messageId}/attachments/${attachmentId}/content`), { token: company.manager.token });
    await call('PATCH', path(`/messages/${message.messageId}`), { token: company.manager.token, body: { read: false } });
    await drain({ expiry: true });
    await advanceDays(4);
    await refreshTokens();
    const reader = company.manager.token;
    await job('ttl');
    await job('stream');
    const trail = await auditOf(message.messageId, reader);
    const actions = trail.map((entry) => entry.action).reverse(); // oldest first
    expect(actions).toEqual([
      'MESSAGE_PUBLISHED',
      'NOTIFICATION_SENT',
      'MESSAGE_READ',
      'ATTACHMENT_DOWNLOADED',
      'MESSAGE_MARKED_UNREAD',
      'EXPIRY_WARNING_SENT',
      'MESSAGE_EXPIRED',
      'MESSAGE_DELETED',
    ]);
    const published = trail.find((entry) => entry.action === 'MESSAGE_PUBLISHED');
    expect(published?.actor).toEqual({ clientId: sender.clientId, name: expect.stringContaining(sender.senderId) });
    const expired = trail.find((entry) => entry.action === 'MESSAGE_EXPIRED');
    const delivery = await call<{ expiresAt: string }>('GET', `/v1/messages/${message.messageId}`, { token: sender.token });
    expect(expired?.at).toBe(delivery.body.expiresAt);
    expect(trail.find((entry) => entry.action === 'MESSAGE_DELETED')?.detail).toMatch(/1 PDF/);
    // Re-running the jobs records nothing twice.
    await job('stream');
    expect((await auditOf(message.messageId, reader)).length).toBe(trail.length);
  });

  it('a repeated grant of the same role is recorded once; a name change is recorded as such', async () => {
    const user = await newPerson();
    const granted = await call('PUT', path(`/access/${user.ssin}`), { token: company.manager.token, body: { role: 'USER', name: user.name } });
    expect(granted.status).toBe(201);
    const again = await call('PUT', path(`/access/${user.ssin}`), { token: company.manager.token, body: { role: 'USER', name: user.name } });
    expect(again.status).toBe(200);
    const renamed = await call('PUT', path(`/access/${user.ssin}`), { token: company.manager.token, body: { role: 'USER', name: `${user.name} Jr` } });
    expect(renamed.status).toBe(200);
    const entries = (await auditOf()).filter((entry) => entry.detail?.includes(user.ssin));
    expect(entries.map((entry) => entry.action)).toEqual(['ACCESS_UPDATED', 'ACCESS_GRANTED']);
  });

  it('registering the same access manager again is recorded once', async () => {
    const admin = await clientToken('ops-audit', 'ebox/admin');
    const body = {
      name: 'Again',
      notificationEmail: company.email,
      language: 'fr',
      accessManagers: [{ ssin: company.manager.ssin, name: company.manager.name }],
    };
    expect((await call('PUT', `/v1/admin/enterprises/${company.enterpriseNumber}`, { token: admin, body })).status).toBe(200);
    const entries = (await auditOf()).filter((entry) => entry.action === 'ACCESS_MANAGER_GRANTED');
    expect(entries).toHaveLength(1);
  });
});

describe('download URLs never outlive the document', () => {
  it('a URL taken 5 s before expiry is valid for at most those 5 s', async () => {
    const message = await publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 1 });
    const sent = await call<{ expiresAt: string }>('GET', `/v1/messages/${message.messageId}`, { token: sender.token });
    const now = await clockNow();
    const wait = Date.parse(sent.body.expiresAt) - now.getTime() - 5_000;
    const moved = await call<{ now: string }>('POST', '/local/clock', { body: { advanceSeconds: Math.floor(wait / 1000) } });
    expect(moved.status).toBe(200);
    await refreshTokens();
    const reader = company.manager.token;
    const attachmentId = message.attachments[0]?.attachmentId ?? '';
    const redirect = await call('GET', path(`/messages/${message.messageId}/attachments/${attachmentId}/content`), { token: reader });
    expect(redirect.status).toBe(302);
    const url = new URL(redirect.headers.get('location') ?? '');
    const lifetime = Number(url.searchParams.get('X-Amz-Expires'));
    const signedAt = url.searchParams.get('X-Amz-Date') ?? '';
    const signed = Date.parse(signedAt.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    expect(lifetime).toBeGreaterThanOrEqual(1);
    expect(signed + lifetime * 1000).toBeLessThanOrEqual(Date.parse(sent.body.expiresAt));
    expect((await fetch(url)).status).toBe(200);
    await call('POST', '/local/clock', { body: { advanceSeconds: 6 } });
    // Once the document expired, the URL taken before is refused too (the local S3 front checks
    // presigned URLs on the runtime's clock, as S3 does on its own).
    expect((await fetch(url)).status).toBe(403);
    const late = await call('GET', path(`/messages/${message.messageId}/attachments/${attachmentId}/content`), { token: reader });
    expect(expectProblem(late, 410, 'urn:problem-type:ebox:documentExpired')).toMatchObject({ expiredAt: sent.body.expiresAt });
  });

  it('a client that asks for JSON gets the link itself (web pages cannot read a redirect), with the same digest', async () => {
    const message = await publish(sender, company.enterpriseNumber);
    const attachment = message.attachments[0];
    const link = await call<{ url: string; expiresAt: string }>(
      'GET',
      path(`/messages/${message.messageId}/attachments/${attachment?.attachmentId ?? ''}/content`),
      {
        token: company.manager.token,
        headers: { accept: 'application/json' },
      },
    );
    expect(link.status).toBe(200);
    expect(link.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(attachment?.sha256 ?? '', 'hex').toString('base64')}:`);
    expect(link.headers.get('cache-control')).toBe('no-store');
    const now = await clockNow();
    expect(Date.parse(link.body.expiresAt) - now.getTime()).toBeLessThanOrEqual(300_000);
    const fetched = await fetch(link.body.url);
    expect(fetched.status).toBe(200);
    expect(
      Buffer.from(await fetched.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
