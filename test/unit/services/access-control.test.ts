import type { Grant } from '../../../shared/domain/access';
import type { Caller } from '../../../shared/domain/caller';
import { MissingPermissionError, NotFoundError } from '../../../shared/domain/errors';
import type { Role } from '../../../shared/domain/roles';
import { alongsideCheck, authorizeCompany, authorizeCompanyPerson, authorizeInstitution, type CompanyNeed } from '../../../shared/services/access-control';
import { FakeClientBindings, FakeEnterprises } from '../fakes/enterprises';
import { enterpriseNumber, ssin } from '../fakes/ids';

const COMPANY = enterpriseNumber('01234567');
const OTHER_COMPANY = enterpriseNumber('09876543');
const MANAGER = ssin('850730033');
const USER = ssin('900101001');
const STRANGER = ssin('750505123');

const person = (who: string, name = 'Anne Dupont'): Caller => ({ kind: 'person', ssin: who as Grant['ssin'], name, scopes: ['ebox/read'] });
const client = (clientId: string): Caller => ({ kind: 'client', clientId, scopes: ['ebox/read'] });
const grant = (who: Grant['ssin'], role: Role, enterprise = COMPANY): Grant => ({
  enterpriseNumber: enterprise,
  ssin: who,
  name: role === 'ACCESS_MANAGER' ? 'Marc Manager' : 'Ursula User',
  role,
  grantedAt: '2026-01-01T00:00:00.000Z',
  grantedBy: { clientId: 'ops' },
});

function setup() {
  const enterprises = new FakeEnterprises();
  enterprises.addGrant(grant(MANAGER, 'ACCESS_MANAGER'));
  enterprises.addGrant(grant(USER, 'USER'));
  enterprises.addGrant(grant(STRANGER, 'ACCESS_MANAGER', OTHER_COMPANY));
  const clientBindings = new FakeClientBindings()
    .bind({ clientId: 'company-erp', enterpriseNumber: COMPANY })
    .bind({ clientId: 'other-erp', enterpriseNumber: OTHER_COMPANY })
    .bind({ clientId: 'onss-backoffice', senderId: 'onss' });
  return { enterprises, clientBindings, deps: { enterprises: enterprises, clientBindings: clientBindings } };
}

const NEEDS: CompanyNeed[] = ['mailbox', 'act', 'manage'];

describe('authorizeCompany for a person', () => {
  it.each(NEEDS)('lets an access manager %s, returning the grant and the person as actor', async (need) => {
    const { deps } = setup();
    const access = await authorizeCompany(deps, person(MANAGER, 'Marc Manager'), COMPANY, need);
    expect(access.actor).toEqual({ ssin: MANAGER, name: 'Marc Manager' });
    expect(access.grant).toMatchObject({ enterpriseNumber: COMPANY, ssin: MANAGER, role: 'ACCESS_MANAGER' });
  });

  it.each(['mailbox', 'act'] as const)('lets a USER %s', async (need) => {
    const { deps } = setup();
    const access = await authorizeCompany(deps, person(USER, 'Ursula User'), COMPANY, need);
    expect(access.actor).toEqual({ ssin: USER, name: 'Ursula User' });
    expect(access.grant?.role).toBe('USER');
  });

  it('uses a grant read along with other data, and only if it is this person’s on this company', async () => {
    const { deps, enterprises } = setup();
    const access = await authorizeCompany(deps, person(USER), COMPANY, 'mailbox', Promise.resolve(grant(USER, 'USER')));
    expect(access.grant?.role).toBe('USER');
    expect(enterprises.calls).toEqual([]);
    await expect(authorizeCompany(deps, person(STRANGER), COMPANY, 'mailbox', Promise.resolve(grant(MANAGER, 'ACCESS_MANAGER')))).rejects.toThrow(
      MissingPermissionError,
    );
    await expect(
      authorizeCompany(deps, person(STRANGER), COMPANY, 'mailbox', Promise.resolve(grant(STRANGER, 'ACCESS_MANAGER', OTHER_COMPANY))),
    ).rejects.toThrow(MissingPermissionError);
  });

  it('refuses a USER what needs an access manager', async () => {
    const { deps } = setup();
    await expect(authorizeCompany(deps, person(USER), COMPANY, 'manage')).rejects.toThrow(MissingPermissionError);
  });

  it.each(NEEDS)('refuses a person without a grant (%s)', async (need) => {
    const { deps } = setup();
    await expect(authorizeCompany(deps, person(ssin('660606066')), COMPANY, need)).rejects.toThrow(MissingPermissionError);
  });

  it.each(NEEDS)('refuses an access manager of another company (%s)', async (need) => {
    const { deps } = setup();
    await expect(authorizeCompany(deps, person(STRANGER), COMPANY, need)).rejects.toThrow(MissingPermissionError);
  });

  it('refuses a person on the very next call once the grant is revoked', async () => {
    const { deps, enterprises } = setup();
    await authorizeCompany(deps, person(USER), COMPANY, 'mailbox');
    enterprises.grants.delete(`${COMPANY}#${USER}`);
    await expect(authorizeCompany(deps, person(USER), COMPANY, 'mailbox')).rejects.toThrow(MissingPermissionError);
  });

  it('leaves the name out of the actor when the token has none', async () => {
    const { deps } = setup();
    const access = await authorizeCompany(deps, person(USER, ''), COMPANY, 'mailbox');
    expect(access.actor).toEqual({ ssin: USER });
  });
});

describe('authorizeCompany for a machine client', () => {
  it("lets the company's own client read the mailbox, as a client actor without a grant", async () => {
    const { deps } = setup();
    const access = await authorizeCompany(deps, client('company-erp'), COMPANY, 'mailbox');
    expect(access).toEqual({ actor: { clientId: 'company-erp' } });
  });

  it.each(['act', 'manage'] as const)("refuses the company's own client what only people may do (%s)", async (need) => {
    const { deps } = setup();
    await expect(authorizeCompany(deps, client('company-erp'), COMPANY, need)).rejects.toThrow(MissingPermissionError);
  });

  it.each(NEEDS)('refuses a client bound to another company (%s)', async (need) => {
    const { deps } = setup();
    await expect(authorizeCompany(deps, client('other-erp'), COMPANY, need)).rejects.toThrow(MissingPermissionError);
  });

  it.each(NEEDS)("refuses an institution's client on company routes (%s)", async (need) => {
    const { deps } = setup();
    await expect(authorizeCompany(deps, client('onss-backoffice'), COMPANY, need)).rejects.toThrow(MissingPermissionError);
  });

  it.each(NEEDS)('refuses an unknown client (%s)', async (need) => {
    const { deps } = setup();
    await expect(authorizeCompany(deps, client('nobody'), COMPANY, need)).rejects.toThrow(MissingPermissionError);
  });

  it('does not take a client id for a person, even when it equals an SSIN with a grant', async () => {
    const { deps } = setup();
    await expect(authorizeCompany(deps, client(MANAGER), COMPANY, 'mailbox')).rejects.toThrow(MissingPermissionError);
  });
});

describe('authorizeInstitution', () => {
  it('gives the institution a client is bound to', async () => {
    const { deps } = setup();
    await expect(authorizeInstitution(deps, { kind: 'client', clientId: 'onss-backoffice', scopes: ['ebox/publish'] })).resolves.toEqual({
      senderId: 'onss',
      clientId: 'onss-backoffice',
    });
  });

  it('refuses a person, even an access manager', async () => {
    const { deps } = setup();
    await expect(authorizeInstitution(deps, person(MANAGER))).rejects.toThrow(MissingPermissionError);
  });

  it('refuses an unbound client', async () => {
    const { deps } = setup();
    await expect(authorizeInstitution(deps, client('nobody'))).rejects.toThrow(MissingPermissionError);
  });

  it("refuses a company's client", async () => {
    const { deps } = setup();
    await expect(authorizeInstitution(deps, client('company-erp'))).rejects.toThrow(MissingPermissionError);
  });
});

describe('authorizeCompanyPerson', () => {
  it.each(['act', 'manage'] as const)("refuses the company's own client (%s)", async (need) => {
    const { deps } = setup();
    await expect(authorizeCompanyPerson(deps, client('company-erp'), COMPANY, need)).rejects.toThrow(MissingPermissionError);
  });

  it('gives the person and actor of a USER who may act', async () => {
    const { deps } = setup();
    await expect(authorizeCompanyPerson(deps, person(USER, 'Ursula User'), COMPANY, 'act')).resolves.toEqual({
      actor: { ssin: USER, name: 'Ursula User' },
      person: { ssin: USER, name: 'Ursula User' },
    });
  });

  it('refuses a USER what needs an access manager, and a person without grant', async () => {
    const { deps } = setup();
    await expect(authorizeCompanyPerson(deps, person(USER), COMPANY, 'manage')).rejects.toThrow(MissingPermissionError);
    await expect(authorizeCompanyPerson(deps, person(STRANGER), COMPANY, 'act')).rejects.toThrow(MissingPermissionError);
  });
});

describe('alongsideCheck', () => {
  const refused = () => Promise.reject(new MissingPermissionError('no access'));

  it('gives the check and the read once both succeeded', async () => {
    await expect(alongsideCheck(Promise.resolve('actor'), async () => 'data')).resolves.toEqual(['actor', 'data']);
  });

  it('fails closed: a refused check wins over what the read found', async () => {
    await expect(alongsideCheck(refused(), async () => 'data')).rejects.toBeInstanceOf(MissingPermissionError);
  });

  it("fails closed: a refused check wins over the read's own refusal", async () => {
    await expect(
      alongsideCheck(refused(), async () => {
        throw new NotFoundError('no such message');
      }),
    ).rejects.toBeInstanceOf(MissingPermissionError);
  });

  it("gives the read's failure once the check passed", async () => {
    await expect(
      alongsideCheck(Promise.resolve('actor'), async () => {
        throw new NotFoundError('no such message');
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
