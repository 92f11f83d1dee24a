import type { Grant } from '../../../shared/domain/access';
import type { Caller } from '../../../shared/domain/caller';
import { MissingPermissionError, NotFoundError } from '../../../shared/domain/errors';
import type { Ssin } from '../../../shared/domain/ssin';
import { authorizeCompany } from '../../../shared/services/access-control';
import { grantAccess, listAccess, revokeAccess } from '../../../shared/services/access-management';
import { FakeClock } from '../fakes/clock';
import { FakeClientBindings, FakeEnterprises } from '../fakes/enterprises';
import { enterpriseNumber, ssin } from '../fakes/ids';
import { FakeAudit } from '../fakes/notifications';

const COMPANY = enterpriseNumber('01234567');
const MANAGER = ssin('850730033');
const OTHER_MANAGER = ssin('780202020');
const USER = ssin('900101001');
const NEWCOMER = ssin('950303030');
const T0 = '2026-03-10T09:00:00.000Z';

const person = (who: Ssin, name: string): Caller => ({ kind: 'person', ssin: who, name, scopes: ['ebox/read'] });
const manager = person(MANAGER, 'Marc Manager');
const managerGrant: Grant = {
  enterpriseNumber: COMPANY,
  ssin: MANAGER,
  name: 'Marc Manager',
  role: 'ACCESS_MANAGER',
  grantedAt: '2026-01-01T00:00:00.000Z',
  grantedBy: { clientId: 'ops' },
};

function setup() {
  const enterprises = new FakeEnterprises();
  enterprises.addGrant(managerGrant);
  enterprises.addGrant({ ...managerGrant, ssin: OTHER_MANAGER, name: 'Olga Other' });
  enterprises.addGrant({
    enterpriseNumber: COMPANY,
    ssin: USER,
    name: 'Ursula User',
    role: 'USER',
    grantedAt: '2026-02-01T00:00:00.000Z',
    grantedBy: { ssin: MANAGER, name: 'Marc Manager' },
  });
  const clientBindings = new FakeClientBindings().bind({ clientId: 'company-erp', enterpriseNumber: COMPANY });
  const clock = new FakeClock(T0);
  const audit = new FakeAudit();
  return { enterprises, clock, deps: { enterprises: enterprises, clientBindings: clientBindings, audit: audit, clock: clock } };
}

describe('grantAccess', () => {
  it('creates a USER grant, stamped with the clock and the granting manager, and audits it', async () => {
    const { deps, enterprises } = setup();
    const result = await grantAccess(deps, manager, COMPANY, NEWCOMER, { role: 'USER', name: 'Nina Newcomer' });
    const expected: Grant = {
      enterpriseNumber: COMPANY,
      ssin: NEWCOMER,
      name: 'Nina Newcomer',
      role: 'USER',
      grantedAt: T0,
      grantedBy: { ssin: MANAGER, name: 'Marc Manager' },
    };
    expect(result).toEqual({ grant: expected, created: true });
    expect(enterprises.grants.get(`${COMPANY}#${NEWCOMER}`)).toEqual(expected);
    expect(enterprises.audit).toEqual([
      { enterpriseNumber: COMPANY, entry: expect.objectContaining({ at: T0, action: 'ACCESS_GRANTED', actor: { ssin: MANAGER, name: 'Marc Manager' } }) },
    ]);
    expect(enterprises.audit[0]?.entry.detail).toContain(NEWCOMER);
  });

  it('the new USER can open the mailbox at once', async () => {
    const { deps } = setup();
    await grantAccess(deps, manager, COMPANY, NEWCOMER, { role: 'USER', name: 'Nina Newcomer' });
    await expect(authorizeCompany(deps, person(NEWCOMER, 'Nina Newcomer'), COMPANY, 'mailbox')).resolves.toMatchObject({ grant: { role: 'USER' } });
  });

  it('granting again updates the name but keeps the original grantedAt and grantedBy (created false)', async () => {
    const { deps, enterprises, clock } = setup();
    await grantAccess(deps, manager, COMPANY, NEWCOMER, { role: 'USER', name: 'Nina Newcomer' });
    clock.advanceDays(3);
    const again = await grantAccess(deps, person(OTHER_MANAGER, 'Olga Other'), COMPANY, NEWCOMER, { role: 'USER', name: 'Nina Newcomer-Smith' });
    expect(again.created).toBe(false);
    expect(again.grant).toEqual({
      enterpriseNumber: COMPANY,
      ssin: NEWCOMER,
      name: 'Nina Newcomer-Smith',
      role: 'USER',
      grantedAt: T0,
      grantedBy: { ssin: MANAGER, name: 'Marc Manager' },
    });
    expect(enterprises.grants.get(`${COMPANY}#${NEWCOMER}`)?.grantedAt).toBe(T0);
    // the second change is audited, at its own time and by its own actor
    expect(enterprises.audit.map(({ entry }) => [entry.action, entry.at, entry.actor.ssin])).toEqual([
      ['ACCESS_GRANTED', T0, MANAGER],
      ['ACCESS_UPDATED', '2026-03-13T09:00:00.000Z', OTHER_MANAGER],
    ]);
  });

  it('granting again the same role under the same name changes and records nothing', async () => {
    const { deps, enterprises, clock } = setup();
    const first = await grantAccess(deps, manager, COMPANY, NEWCOMER, { role: 'USER', name: 'Nina Newcomer' });
    const writes = enterprises.writes.length;
    clock.advanceDays(1);
    const again = await grantAccess(deps, manager, COMPANY, NEWCOMER, { role: 'USER', name: 'Nina Newcomer' });
    expect(again).toEqual({ grant: first.grant, created: false });
    expect(enterprises.writes).toHaveLength(writes);
    expect(enterprises.audit.map(({ entry }) => entry.action)).toEqual(['ACCESS_GRANTED']);
  });

  it('refuses to grant ACCESS_MANAGER, and writes nothing', async () => {
    const { deps, enterprises } = setup();
    await expect(grantAccess(deps, manager, COMPANY, NEWCOMER, { role: 'ACCESS_MANAGER', name: 'Nina Newcomer' })).rejects.toThrow(MissingPermissionError);
    expect(enterprises.writes).toEqual([]);
    expect(enterprises.grants.has(`${COMPANY}#${NEWCOMER}`)).toBe(false);
  });

  it("refuses to change an access manager's grant (e.g. demote to USER), and writes nothing", async () => {
    const { deps, enterprises } = setup();
    await expect(grantAccess(deps, manager, COMPANY, OTHER_MANAGER, { role: 'USER', name: 'Olga Other' })).rejects.toThrow(MissingPermissionError);
    expect(enterprises.grants.get(`${COMPANY}#${OTHER_MANAGER}`)?.role).toBe('ACCESS_MANAGER');
    expect(enterprises.writes).toEqual([]);
    expect(enterprises.audit).toEqual([]);
  });

  it('refuses a USER, and the company machine client, as granters', async () => {
    const { deps, enterprises } = setup();
    await expect(grantAccess(deps, person(USER, 'Ursula User'), COMPANY, NEWCOMER, { role: 'USER', name: 'Nina' })).rejects.toThrow(MissingPermissionError);
    await expect(
      grantAccess(deps, { kind: 'client', clientId: 'company-erp', scopes: ['ebox/read'] }, COMPANY, NEWCOMER, { role: 'USER', name: 'Nina' }),
    ).rejects.toThrow(MissingPermissionError);
    expect(enterprises.writes).toEqual([]);
  });
});

describe('revokeAccess', () => {
  it('removes a USER grant and audits it with the manager as actor', async () => {
    const { deps, enterprises } = setup();
    await revokeAccess(deps, manager, COMPANY, USER);
    expect(enterprises.grants.has(`${COMPANY}#${USER}`)).toBe(false);
    expect(enterprises.audit).toEqual([
      { enterpriseNumber: COMPANY, entry: expect.objectContaining({ at: T0, action: 'ACCESS_REVOKED', actor: { ssin: MANAGER, name: 'Marc Manager' } }) },
    ]);
    expect(enterprises.audit[0]?.entry.detail).toContain(USER);
  });

  it('the revoked person is refused on the next request', async () => {
    const { deps } = setup();
    await revokeAccess(deps, manager, COMPANY, USER);
    await expect(authorizeCompany(deps, person(USER, 'Ursula User'), COMPANY, 'mailbox')).rejects.toThrow(MissingPermissionError);
  });

  it('answers NotFoundError for someone without access, and writes nothing', async () => {
    const { deps, enterprises } = setup();
    await expect(revokeAccess(deps, manager, COMPANY, NEWCOMER)).rejects.toThrow(NotFoundError);
    expect(enterprises.writes).toEqual([]);
  });

  it('refuses to revoke an access manager, and writes nothing', async () => {
    const { deps, enterprises } = setup();
    await expect(revokeAccess(deps, manager, COMPANY, OTHER_MANAGER)).rejects.toThrow(MissingPermissionError);
    await expect(revokeAccess(deps, manager, COMPANY, MANAGER)).rejects.toThrow(MissingPermissionError);
    expect(enterprises.grants.has(`${COMPANY}#${OTHER_MANAGER}`)).toBe(true);
    expect(enterprises.writes).toEqual([]);
  });

  it('refuses a USER as revoker', async () => {
    const { deps, enterprises } = setup();
    await expect(revokeAccess(deps, person(USER, 'Ursula User'), COMPANY, USER)).rejects.toThrow(MissingPermissionError);
    expect(enterprises.grants.has(`${COMPANY}#${USER}`)).toBe(true);
  });
});

describe('listAccess', () => {
  it("lists the company's grants for an access manager, and refuses a USER", async () => {
    const { deps } = setup();
    const grants = await listAccess(deps, manager, COMPANY);
    expect(grants.map((grant) => grant.ssin).sort()).toEqual([MANAGER, OTHER_MANAGER, USER].sort());
    await expect(listAccess(deps, person(USER, 'Ursula User'), COMPANY)).rejects.toThrow(MissingPermissionError);
  });
});
