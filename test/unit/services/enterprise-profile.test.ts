import type { Caller } from '../../../shared/domain/caller';
import { MissingPermissionError, NotFoundError } from '../../../shared/domain/errors';
import type { Ssin } from '../../../shared/domain/ssin';
import { getPreferences, getProfile, patchProfile } from '../../../shared/services/enterprise-profile';
import { FakeClock } from '../fakes/clock';
import { FakeClientBindings, FakeEnterprises } from '../fakes/enterprises';
import { enterpriseNumber, ssin } from '../fakes/ids';
import { aMessage, FakeMessages } from '../fakes/messages';

const COMPANY = enterpriseNumber('01234567');
const UNREGISTERED = enterpriseNumber('04444444');
const USER = ssin('900101001');
const T0 = '2026-03-10T09:00:00.000Z';
const user: Caller = { kind: 'person', ssin: USER, name: 'Ursula User', scopes: ['ebox/read'] };
const companyClient: Caller = { kind: 'client', clientId: 'company-erp', scopes: ['ebox/read'] };

/** `count` unread messages that expired and still wait for TTL, as the unread index would count them. */
function expiredUnread(count: number, log: string[]): FakeMessages {
  const messages = new FakeMessages(log);
  for (let index = 0; index < count; index += 1)
    messages.addMessage(aMessage({ messageId: `EXPIRED-${index}`, enterpriseNumber: COMPANY, expiresAt: '2026-03-01T09:00:00.000Z' }));
  return messages;
}

/** An institution's back office, the only kind of caller that reads a company's preferences. */
const INSTITUTION: Caller = { kind: 'client', clientId: 'onss-backoffice', scopes: ['ebox/publish'] };

function setup(expired = 0) {
  const enterprises = new FakeEnterprises();
  enterprises.addProfile({
    enterpriseNumber: COMPANY,
    name: 'Brasserie Zénobe',
    notificationEmail: 'old@zenobe.be',
    language: 'fr',
    digitalOnly: false,
    unreadCount: 4,
  });
  enterprises.addGrant({
    enterpriseNumber: COMPANY,
    ssin: USER,
    name: 'Ursula User',
    role: 'USER',
    grantedAt: '2026-01-01T00:00:00.000Z',
    grantedBy: { clientId: 'ops' },
  });
  enterprises.addGrant({
    enterpriseNumber: UNREGISTERED,
    ssin: USER,
    name: 'Ursula User',
    role: 'USER',
    grantedAt: '2026-01-01T00:00:00.000Z',
    grantedBy: { clientId: 'ops' },
  });
  const clientBindings = new FakeClientBindings()
    .bind({ clientId: 'company-erp', enterpriseNumber: COMPANY })
    .bind({ clientId: 'onss-backoffice', senderId: 'onss' });
  const clock = new FakeClock(T0);
  const log: string[] = [];
  return { enterprises, clock, log, deps: { enterprises: enterprises, clientBindings: clientBindings, clock: clock, messages: expiredUnread(expired, log) } };
}

const actor = { ssin: USER, name: 'Ursula User' };
const actions = (enterprises: FakeEnterprises) => enterprises.audit.map(({ entry }) => entry.action);

describe('patchProfile', () => {
  it('changes the notification email only, with one audit entry naming old and new', async () => {
    const { deps, enterprises } = setup();
    const profile = await patchProfile(deps, user, COMPANY, { notificationEmail: 'new@zenobe.be' });
    expect(enterprises.updateCalls).toEqual([
      {
        enterpriseNumber: COMPANY,
        changes: { notificationEmail: 'new@zenobe.be' },
        audit: [expect.objectContaining({ action: 'NOTIFICATION_EMAIL_CHANGED', at: T0, actor })],
      },
    ]);
    const detail = enterprises.audit[0]?.entry.detail ?? '';
    expect(detail).toContain('old@zenobe.be');
    expect(detail).toContain('new@zenobe.be');
    expect(profile.notificationEmail).toBe('new@zenobe.be');
    expect(enterprises.profiles.get(COMPANY)?.notificationEmail).toBe('new@zenobe.be');
  });

  it('changes the language only, with a LANGUAGE_CHANGED entry', async () => {
    const { deps, enterprises } = setup();
    const profile = await patchProfile(deps, user, COMPANY, { language: 'nl' });
    expect(enterprises.updateCalls[0]?.changes).toEqual({ language: 'nl' });
    expect(enterprises.audit).toEqual([{ enterpriseNumber: COMPANY, entry: expect.objectContaining({ action: 'LANGUAGE_CHANGED', at: T0, actor }) }]);
    expect(enterprises.audit[0]?.entry.detail).toMatch(/fr.*nl/);
    expect(profile.language).toBe('nl');
  });

  it('records digital-only consent with since (the clock) and by (the caller)', async () => {
    const { deps, enterprises } = setup();
    const profile = await patchProfile(deps, user, COMPANY, { digitalOnly: true });
    expect(enterprises.updateCalls[0]?.changes).toEqual({ digitalOnly: { value: true, since: T0, by: USER } });
    expect(actions(enterprises)).toEqual(['DIGITAL_ONLY_CHANGED']);
    expect(enterprises.audit[0]?.entry).toMatchObject({ at: T0, actor });
    expect(profile).toMatchObject({ digitalOnly: true, digitalOnlySince: T0 });
    expect(enterprises.profiles.get(COMPANY)).toMatchObject({ digitalOnly: true, digitalOnlySince: T0, digitalOnlyBy: USER });
  });

  it('records a withdrawal of consent the same way, at its own time', async () => {
    const { deps, enterprises, clock } = setup();
    await patchProfile(deps, user, COMPANY, { digitalOnly: true });
    clock.advanceDays(10);
    const profile = await patchProfile(deps, user, COMPANY, { digitalOnly: false });
    expect(enterprises.updateCalls[1]?.changes).toEqual({ digitalOnly: { value: false, since: '2026-03-20T09:00:00.000Z', by: USER } });
    expect(actions(enterprises)).toEqual(['DIGITAL_ONLY_CHANGED', 'DIGITAL_ONLY_CHANGED']);
    expect(enterprises.audit[0]?.entry.detail).not.toBe(enterprises.audit[1]?.entry.detail);
    expect(profile.digitalOnly).toBe(false);
  });

  it('audits only the fields that actually change', async () => {
    const { deps, enterprises } = setup();
    await patchProfile(deps, user, COMPANY, { notificationEmail: 'old@zenobe.be', language: 'de', digitalOnly: false });
    expect(enterprises.updateCalls[0]?.changes).toEqual({ language: 'de' });
    expect(actions(enterprises)).toEqual(['LANGUAGE_CHANGED']);
  });

  it('audits each of three changes once', async () => {
    const { deps, enterprises } = setup();
    const profile = await patchProfile(deps, user, COMPANY, { notificationEmail: 'new@zenobe.be', language: 'en', digitalOnly: true });
    expect(actions(enterprises).sort()).toEqual(['DIGITAL_ONLY_CHANGED', 'LANGUAGE_CHANGED', 'NOTIFICATION_EMAIL_CHANGED']);
    expect(enterprises.audit.every(({ entry }) => entry.at === T0 && entry.actor.ssin === USER)).toBe(true);
    const stored = enterprises.profiles.get(COMPANY);
    expect(profile).toMatchObject({
      notificationEmail: stored?.notificationEmail,
      language: stored?.language,
      digitalOnly: stored?.digitalOnly,
      digitalOnlySince: stored?.digitalOnlySince,
      unreadCount: 4,
    });
  });

  it.each([
    ['the same values', { notificationEmail: 'old@zenobe.be', language: 'fr', digitalOnly: false }],
    ['an empty patch', {}],
  ] as const)('writes nothing for %s', async (_label, patch) => {
    const { deps, enterprises } = setup();
    const before = structuredClone(enterprises.profiles.get(COMPANY));
    const profile = await patchProfile(deps, user, COMPANY, patch);
    for (const call of enterprises.updateCalls) {
      expect(call.changes).toEqual({});
      expect(call.audit).toEqual([]);
    }
    expect(enterprises.audit).toEqual([]);
    // Only the unread counter's bookkeeping (see getProfile unread count).
    expect(enterprises.profiles.get(COMPANY)).toEqual({ ...before, unreadCountExactUntil: expect.any(String) });
    expect(profile).toMatchObject({ notificationEmail: 'old@zenobe.be', language: 'fr', digitalOnly: false });
    expect(profile).not.toHaveProperty('digitalOnlySince');
  });

  it("refuses the company's machine client (only people act for the company)", async () => {
    const { deps, enterprises } = setup();
    await expect(patchProfile(deps, companyClient, COMPANY, { language: 'nl' })).rejects.toThrow(MissingPermissionError);
    expect(enterprises.updateCalls).toEqual([]);
  });

  it('refuses a person without a grant', async () => {
    const { deps, enterprises } = setup();
    const stranger: Caller = { kind: 'person', ssin: ssin('750505123') as Ssin, name: 'S', scopes: ['ebox/read'] };
    await expect(patchProfile(deps, stranger, COMPANY, { language: 'nl' })).rejects.toThrow(MissingPermissionError);
    expect(enterprises.updateCalls).toEqual([]);
  });

  it('answers NotFoundError for a company that is not registered', async () => {
    const { deps, enterprises } = setup();
    await expect(patchProfile(deps, user, UNREGISTERED, { language: 'nl' })).rejects.toThrow(NotFoundError);
    expect(enterprises.updateCalls).toEqual([]);
  });
});

describe('getProfile', () => {
  it("lets the company's client read the profile", async () => {
    const { deps } = setup();
    await expect(getProfile(deps, companyClient, COMPANY)).resolves.toMatchObject({
      enterpriseNumber: COMPANY,
      notificationEmail: 'old@zenobe.be',
      unreadCount: 4,
    });
  });

  it('gives a blank profile for a company not registered yet', async () => {
    const { deps } = setup();
    await expect(getProfile(deps, user, UNREGISTERED)).resolves.toEqual({ enterpriseNumber: UNREGISTERED, language: 'fr', digitalOnly: false, unreadCount: 0 });
  });
});

describe('getPreferences', () => {
  it('answers digitalOnly false, without since, for an unknown company', async () => {
    const { deps } = setup();
    await expect(getPreferences(deps, INSTITUTION, enterpriseNumber('05555555'))).resolves.toEqual({
      enterpriseNumber: enterpriseNumber('05555555'),
      digitalOnly: false,
    });
  });

  it('answers digitalOnly false, without since, for a company that never consented', async () => {
    const { deps } = setup();
    await expect(getPreferences(deps, INSTITUTION, COMPANY)).resolves.toEqual({ enterpriseNumber: COMPANY, digitalOnly: false });
  });

  it('gives the date of consent', async () => {
    const { deps } = setup();
    await patchProfile(deps, user, COMPANY, { digitalOnly: true });
    await expect(getPreferences(deps, INSTITUTION, COMPANY)).resolves.toEqual({ enterpriseNumber: COMPANY, digitalOnly: true, digitalOnlySince: T0 });
  });

  it('drops the date once consent is withdrawn', async () => {
    const { deps, clock } = setup();
    await patchProfile(deps, user, COMPANY, { digitalOnly: true });
    clock.advanceDays(1);
    await patchProfile(deps, user, COMPANY, { digitalOnly: false });
    await expect(getPreferences(deps, INSTITUTION, COMPANY)).resolves.toEqual({ enterpriseNumber: COMPANY, digitalOnly: false });
  });

  it('answers institutions only: a person of the company, or its own client, is refused', async () => {
    const { deps } = setup();
    await expect(getPreferences(deps, user, COMPANY)).rejects.toThrow(MissingPermissionError);
    await expect(getPreferences(deps, { kind: 'client', clientId: 'company-erp', scopes: ['ebox/publish'] }, COMPANY)).rejects.toThrow(MissingPermissionError);
  });

  it('does not reveal the contact details', async () => {
    const { deps } = setup();
    const preferences = await getPreferences(deps, INSTITUTION, COMPANY);
    expect(Object.keys(preferences).sort()).toEqual(['digitalOnly', 'enterpriseNumber']);
  });
});

describe('getProfile unread count', () => {
  it('leaves out unread messages that expired but are not deleted yet', async () => {
    const { deps } = setup(3);
    expect((await getProfile(deps, user, COMPANY)).unreadCount).toBe(1);
  });

  it('takes the expired ones out of the stored counter, so later reads read the counter alone', async () => {
    const { deps, enterprises } = setup(3);
    await getProfile(deps, user, COMPANY);
    expect([...deps.messages.uncounted].sort()).toEqual(['EXPIRED-0', 'EXPIRED-1', 'EXPIRED-2']);
    await expect(deps.messages.expiredStillCounted(COMPANY, deps.clock.now())).resolves.toEqual({ total: 0, first: [], next: { known: true } });
    enterprises.addProfile({ ...enterprises.profiles.get(COMPANY), enterpriseNumber: COMPANY, unreadCount: 1 }); // as the transaction left it
    expect((await getProfile(deps, user, COMPANY)).unreadCount).toBe(1);
  });

  it('takes nothing out and answers nothing for a caller without access', async () => {
    const { deps } = setup(3);
    const stranger: Caller = { kind: 'person', ssin: ssin('850730034'), name: 'Stranger', scopes: ['ebox/read'] };
    await expect(getProfile(deps, stranger, COMPANY)).rejects.toBeInstanceOf(MissingPermissionError);
    expect(deps.messages.uncounted.size).toBe(0);
  });

  it('never goes below zero', async () => {
    const { deps } = setup(9);
    expect((await getProfile(deps, user, COMPANY)).unreadCount).toBe(0);
  });

  const bound = (enterprises: FakeEnterprises) => enterprises.profiles.get(COMPANY)?.unreadCountExactUntil;

  it("bounds the counter at the next counted message's expiry, or 23 hours at most; reads the index again once it passed", async () => {
    const { deps, enterprises, clock, log } = setup(1);
    deps.messages.addMessage(aMessage({ messageId: 'SOON', enterpriseNumber: COMPANY, expiresAt: '2026-03-10T14:00:00.000Z' }));
    deps.messages.addMessage(aMessage({ messageId: 'LATER', enterpriseNumber: COMPANY, expiresAt: '2026-04-10T09:00:00.000Z' }));
    await getProfile(deps, user, COMPANY);
    expect(bound(enterprises)).toBe('2026-03-10T14:00:00.000Z');
    clock.advance(5 * 3_600_000);
    await getProfile(deps, user, COMPANY);
    expect(log).toHaveLength(2);
    expect(deps.messages.uncounted.has('SOON')).toBe(true);
    expect(bound(enterprises)).toBe('2026-03-11T13:00:00.000Z'); // LATER is further off than 23 hours
  });

  it('sets no bound while a message marked unread may not be in the index yet (an hour)', async () => {
    const { deps, enterprises, clock } = setup();
    enterprises.addProfile({ ...enterprises.profiles.get(COMPANY), enterpriseNumber: COMPANY, unreadMarkedAt: '2026-03-10T08:30:00.000Z' });
    await getProfile(deps, user, COMPANY);
    expect(bound(enterprises)).toBeUndefined();
    clock.advance(1_800_000);
    await getProfile(deps, user, COMPANY);
    expect(bound(enterprises)).toBe('2026-03-11T08:30:00.000Z');
  });

  it('sets no bound when the expired messages could not be taken out of the counter', async () => {
    const { deps, enterprises } = setup(2);
    deps.messages.uncountExpired = async () => false; // one of them was read meanwhile
    expect((await getProfile(deps, user, COMPANY)).unreadCount).toBe(2);
    expect(bound(enterprises)).toBeUndefined();
  });
});

describe('getProfile reads', () => {
  it("reads a person's grant with the profile, in one read; the unread index only when the counter's bound has passed", async () => {
    const { deps, enterprises, log } = setup();
    await getProfile(deps, user, COMPANY);
    expect(enterprises.calls).toEqual(['getProfileAndGrant', 'setUnreadCountExactUntil']);
    expect(log).toEqual([`messages.expiredStillCounted ${COMPANY}`]);
    await getProfile(deps, user, COMPANY);
    expect(enterprises.calls).toEqual(['getProfileAndGrant', 'setUnreadCountExactUntil', 'getProfileAndGrant']);
    expect(log).toHaveLength(1);
  });

  it('refuses a person without a grant although the profile was read with it', async () => {
    const { deps } = setup();
    const revoked: Caller = { kind: 'person', ssin: ssin('850730034'), name: 'Ex Employee', scopes: ['ebox/read'] };
    await expect(getProfile(deps, revoked, COMPANY)).rejects.toBeInstanceOf(MissingPermissionError);
  });

  it("reads the profile alone for the company's own client (its binding is the check)", async () => {
    const { deps, enterprises } = setup();
    await expect(getProfile(deps, companyClient, COMPANY)).resolves.toMatchObject({ unreadCount: 4 });
    expect(enterprises.calls).toEqual(['getProfile', 'setUnreadCountExactUntil']);
  });
});
