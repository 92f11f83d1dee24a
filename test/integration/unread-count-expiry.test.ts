import { call, clientToken, personToken } from './support/api';
import { job, storedMessage, storedProfile } from './support/aws-inspect';
import { publish, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from './support/fixtures';

/**
 * The unread count after a mass expiry: exact at once, and the stored counter itself follows, so
 * later reads read the counter alone (not the expired messages TTL has yet to delete), and TTL's
 * removal does not count them out a second time. This file moves the shared local clock forward
 * (it never goes back) and mints fresh tokens after the move.
 */
jest.setTimeout(120_000);

/** More than one transaction's worth (99), so taking them out spans several reads. */
const EXPIRING = 120;
const LASTING = 3;

describe('unread count after a mass expiry', () => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;
  let reader: string;
  const expiring: string[] = [];

  const unreadCount = async () => {
    const response = await call<{ unreadCount: number }>('GET', `/v1/enterprises/${company.enterpriseNumber}`, { token: reader });
    expect(response.status).toBe(200);
    return response.body.unreadCount;
  };
  const storedCounter = async () => (await storedProfile(company.enterpriseNumber))?.unreadCount;
  beforeAll(async () => {
    [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
    reader = company.manager.token;
    for (let i = 0; i < LASTING; i += 1) await publish(sender, company.enterpriseNumber, { attachments: [], body: { fr: 'Reste valable' } });
    for (let start = 0; start < EXPIRING; start += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, EXPIRING - start) }, () =>
          publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 1, attachments: [], body: { fr: 'Expire demain' } }),
        ),
      );
      expiring.push(...batch.map((message) => message.messageId));
    }
  });

  it('counts every unread message before the expiry', async () => {
    expect(await unreadCount()).toBe(LASTING + EXPIRING);
    expect(await storedCounter()).toBe(LASTING + EXPIRING);
  });

  it('is exact at once after the expiry, and the stored counter follows within a few reads', async () => {
    await call('POST', '/local/clock', { body: { advanceDays: 1, advanceSeconds: 60 } });
    reader = await personToken(company.manager.ssin, company.manager.name);
    sender.token = await clientToken(sender.clientId, 'ebox/publish');

    // Each read answers the exact count and takes up to 99 expired messages out of the counter.
    expect(await unreadCount()).toBe(LASTING);
    expect(await storedCounter()).toBe(LASTING + EXPIRING - 99);
    expect(await unreadCount()).toBe(LASTING);
    // Every expired message is out of the counter: the next reads read the counter alone.
    expect(await storedCounter()).toBe(LASTING);
    expect(await unreadCount()).toBe(LASTING);
    for (const messageId of expiring.slice(0, 5)) {
      const stored = await storedMessage(company.enterpriseNumber, messageId);
      expect(stored).toMatchObject({ read: false, uncounted: true });
      expect(stored).not.toHaveProperty('unreadPk');
    }
    expect(await unreadCount()).toBe(LASTING);
  });

  it("is not counted out a second time when TTL deletes the messages, even when the stream's records come again", async () => {
    await job('ttl');
    await job('stream');
    expect(await storedMessage(company.enterpriseNumber, expiring[0] ?? '')).toBeUndefined();
    expect(await unreadCount()).toBe(LASTING);
    expect(await storedCounter()).toBe(LASTING);
    await job('stream');
    expect(await storedCounter()).toBe(LASTING);
  });
});

/**
 * The counter's bound (the counter alone is exact before it, so reads skip the unread index): a
 * message marked unread may expire before it, so marking removes it. Moves the clock 24.5 hours.
 */
describe('unread count of a message marked unread shortly before it expires', () => {
  it('drops out of the count when it expires, although a bound was set before the mark', async () => {
    const [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
    const soon = await publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 1, attachments: [], body: { fr: 'Expire demain' } });
    await publish(sender, company.enterpriseNumber, { attachments: [], body: { fr: 'Reste valable' } });
    const path = `/v1/enterprises/${company.enterpriseNumber}`;
    expect((await call('GET', `${path}/messages/${soon.messageId}`, { token: company.manager.token })).status).toBe(200);

    await call('POST', '/local/clock', { body: { advanceSeconds: 84_600 } }); // 23.5 hours: `soon` expires in 30 minutes
    let reader = await personToken(company.manager.ssin, company.manager.name);
    const unreadCount = async () => (await call<{ unreadCount: number }>('GET', path, { token: reader })).body.unreadCount;
    expect(await unreadCount()).toBe(1);
    const bound = String((await storedProfile(company.enterpriseNumber))?.unreadCountExactUntil);
    const expiresAt = String((await storedMessage(company.enterpriseNumber, soon.messageId))?.expiresAt);
    expect(Date.parse(bound)).toBeGreaterThan(Date.parse(expiresAt));

    const marked = await call('PATCH', `${path}/messages/${soon.messageId}`, { token: reader, body: { read: false } });
    expect(marked.status).toBe(200);
    expect(await storedProfile(company.enterpriseNumber)).not.toHaveProperty('unreadCountExactUntil');
    expect(await unreadCount()).toBe(2);

    await call('POST', '/local/clock', { body: { advanceSeconds: 3_600 } }); // `soon` expired 30 minutes ago, before the old bound
    reader = await personToken(company.manager.ssin, company.manager.name);
    expect(await unreadCount()).toBe(1);
    expect(await storedMessage(company.enterpriseNumber, soon.messageId)).toMatchObject({ read: false, uncounted: true });
  });
});
