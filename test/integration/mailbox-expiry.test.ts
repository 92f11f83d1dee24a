import { call, clientToken, personToken } from './support/api';
import { publish, setupEnterprise, setupSender, uniqueId, type EnterpriseSetup, type SenderSetup } from './support/fixtures';
import { download, expectProblem, plusDays, storedMessages } from './support/mailbox-store';

/**
 * Expiry. This file moves the shared local clock forward (it never goes back), so it asserts only
 * on the data it publishes right before, and mints fresh tokens after each move.
 */
jest.setTimeout(30_000);

interface Summary {
  messageId: string;
  expiresAt: string;
  expiresSoon: boolean;
}

interface SentView {
  messageId: string;
  publishedAt: string;
  expiresAt: string;
  status: 'DELIVERED' | 'READ' | 'EXPIRED';
  firstReadAt?: string;
  attachments: Array<{ attachmentId: string }>;
}

describe('expiry of messages', () => {
  let sender: SenderSetup;
  let company: EnterpriseSetup;
  let publisher: string;
  let reader: string;
  const externalId = uniqueId('SHORT');
  /** REMINDER valid 1 day, REMINDER 14 days, REMINDER 15 days, TAX_NOTICE 180 days. */
  let oneDay: SentView;
  let fourteen: SentView;
  let fifteen: SentView;
  let longLived: SentView;

  const inbox = async () => {
    const response = await call<{ items: Summary[] }>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: reader });
    expect(response.status).toBe(200);
    return response.body.items;
  };
  const messagePath = (message: SentView) => `/v1/enterprises/${company.enterpriseNumber}/messages/${message.messageId}`;
  const sentView = (message: SentView) => call<SentView>('GET', `/v1/messages/${message.messageId}`, { token: publisher });

  /** Moves the shared clock and mints tokens valid at the new instant. */
  async function advanceDays(days: number): Promise<void> {
    const before = Date.parse((await call<{ now: string }>('GET', '/local/clock')).body.now);
    const moved = await call<{ now: string }>('POST', '/local/clock', { body: { advanceDays: days } });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.now) - before).toBeGreaterThanOrEqual(days * 86_400_000);
    publisher = await clientToken(sender.clientId, 'ebox/publish');
    reader = await personToken(company.manager.ssin, company.manager.name);
  }

  beforeAll(async () => {
    [sender, company] = await Promise.all([setupSender(), setupEnterprise()]);
    publisher = sender.token;
    reader = company.manager.token;
    oneDay = (await publish(sender, company.enterpriseNumber, {
      documentType: 'REMINDER',
      validityDays: 1,
      externalId,
      registered: true,
    })) as unknown as SentView;
    fourteen = (await publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 14 })) as unknown as SentView;
    fifteen = (await publish(sender, company.enterpriseNumber, { documentType: 'REMINDER', validityDays: 15 })) as unknown as SentView;
    longLived = (await publish(sender, company.enterpriseNumber, { documentType: 'TAX_NOTICE' })) as unknown as SentView;
  });

  it('sets expiresAt from validityDays', () => {
    expect(oneDay.expiresAt).toBe(plusDays(oneDay.publishedAt, 1));
    expect(fourteen.expiresAt).toBe(plusDays(fourteen.publishedAt, 14));
    expect(fifteen.expiresAt).toBe(plusDays(fifteen.publishedAt, 15));
    expect(longLived.expiresAt).toBe(plusDays(longLived.publishedAt, 180));
  });

  it('flags expiresSoon for messages expiring within 14 days, and only those', async () => {
    const items = await inbox();
    expect(items.map(({ messageId, expiresSoon }) => ({ messageId, expiresSoon }))).toEqual([
      { messageId: longLived.messageId, expiresSoon: false },
      { messageId: fifteen.messageId, expiresSoon: false },
      { messageId: fourteen.messageId, expiresSoon: true },
      { messageId: oneDay.messageId, expiresSoon: true },
    ]);
    const detail = await call<Summary>('GET', messagePath(fourteen), { token: reader });
    expect(detail.status).toBe(200);
    expect(detail.body.expiresSoon).toBe(true);
  });

  it('after the validity has passed: gone from the inbox, 410 documentExpired to open, download or mark it', async () => {
    await advanceDays(2);
    const items = await inbox();
    expect(items.map((item) => item.messageId)).toEqual([longLived.messageId, fifteen.messageId, fourteen.messageId]);
    // 13 days left: the 15-day message is now within the warning window.
    expect(items.map((item) => item.expiresSoon)).toEqual([false, true, true]);

    for (const query of ['?read=false', '?registered=true', '?documentType=REMINDER', '?pageSize=1']) {
      const filtered = await call<{ items: Summary[] }>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages${query}`, { token: reader });
      expect(filtered.body.items.map((item) => item.messageId)).not.toContain(oneDay.messageId);
    }

    const opened = await call('GET', messagePath(oneDay), { token: reader });
    expect(expectProblem(opened, 410, 'urn:problem-type:ebox:documentExpired').detail).toContain(oneDay.messageId);
    const { redirect } = await download(reader, company.enterpriseNumber, oneDay.messageId, oneDay.attachments[0]!.attachmentId);
    expectProblem(redirect, 410, 'urn:problem-type:ebox:documentExpired');
    expect(redirect.headers.get('location')).toBeNull();
    expectProblem(await call('PATCH', messagePath(oneDay), { token: reader, body: { read: true } }), 410, 'urn:problem-type:ebox:documentExpired');
  });

  it('shows EXPIRED in the sender view, without a firstReadAt (it was never read)', async () => {
    const view = await sentView(oneDay);
    expect(view.status).toBe(200);
    expect(view.body.status).toBe('EXPIRED');
    expect(view.body).not.toHaveProperty('firstReadAt');
    const byExternalId = await call<{ items: SentView[] }>('GET', `/v1/messages?externalId=${externalId}`, { token: publisher });
    expect(byExternalId.body.items.map((item) => [item.messageId, item.status])).toEqual([[oneDay.messageId, 'EXPIRED']]);
    expect((await sentView(longLived)).body.status).toBe('DELIVERED');
  });

  it('still answers 410 (not 404) once the expired item has been removed by TTL', async () => {
    expect((await call('POST', '/local/jobs/ttl')).status).toBe(200);
    expect((await call('POST', '/local/jobs/stream')).status).toBe(200);
    const remaining = (await storedMessages(company.enterpriseNumber)).map((item) => item.messageId);
    expect(remaining).not.toContain(oneDay.messageId);
    expect(remaining).toContain(fourteen.messageId);
    expectProblem(await call('GET', messagePath(oneDay), { token: reader }), 410, 'urn:problem-type:ebox:documentExpired');
    const { redirect } = await download(reader, company.enterpriseNumber, oneDay.messageId, oneDay.attachments[0]!.attachmentId);
    expectProblem(redirect, 410, 'urn:problem-type:ebox:documentExpired');
    expect((await sentView(oneDay)).body.status).toBe('EXPIRED');
    // The others are untouched.
    expect((await inbox()).map((item) => item.messageId)).toEqual([longLived.messageId, fifteen.messageId, fourteen.messageId]);
  });

  it('a company that is not the recipient still gets 404 (not 410) for the expired message', async () => {
    const other = await setupEnterprise();
    const response = await call('GET', `/v1/enterprises/${other.enterpriseNumber}/messages/${oneDay.messageId}`, { token: other.manager.token });
    expectProblem(response, 404, 'urn:problem-type:belgif:resourceNotFound');
  });

  it('reusing the expired externalId for other content is still a 409 externalIdConflict', async () => {
    const replay = await call<SentView>('POST', '/v1/messages', {
      token: publisher,
      body: {
        recipient: company.enterpriseNumber,
        documentType: 'REMINDER',
        validityDays: 1,
        externalId,
        registered: true,
        subject: { fr: 'different' },
        body: { fr: 'different' },
      },
    });
    expectProblem(replay, 409, 'urn:problem-type:ebox:externalIdConflict');
  });

  it('a message published now with validityDays 1 expires one day later', async () => {
    const fresh = (await publish({ ...sender, token: publisher }, company.enterpriseNumber, {
      documentType: 'REMINDER',
      validityDays: 1,
    })) as unknown as SentView;
    const listed = (await inbox()).find((item) => item.messageId === fresh.messageId);
    expect(listed).toMatchObject({ expiresAt: plusDays(fresh.publishedAt, 1), expiresSoon: true });
    await advanceDays(1.01);
    expect((await inbox()).map((item) => item.messageId)).not.toContain(fresh.messageId);
    expectProblem(await call('GET', messagePath(fresh), { token: reader }), 410, 'urn:problem-type:ebox:documentExpired');
  });
});
