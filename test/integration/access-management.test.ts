import { call, clientToken, personToken, type ApiResponse } from './support/api';
import { publish, randomEnterpriseNumber, samplePdf, setupSender, uniqueId, type SenderSetup } from './support/fixtures';
import { BELGIF, companyClient, expectProblem, grantUser, ISO_MS, newPerson, registerCompany, revoke, type Company, type Person } from './support/personas';

/**
 * Issue "Access management, company profile, consent and audit trail", over HTTP against the
 * local runtime: access managers grant and revoke USERs, users keep the company's contact
 * preferences and consent, institutions read the consent, and every action lands in the audit trail.
 */

interface GrantView {
  ssin: string;
  name: string;
  role: 'ACCESS_MANAGER' | 'USER';
  grantedAt: string;
  grantedBy: { ssin?: string; clientId?: string; name?: string };
}

interface Profile {
  enterpriseNumber: string;
  name?: string;
  notificationEmail?: string;
  language: string;
  digitalOnly: boolean;
  digitalOnlySince?: string;
  unreadCount: number;
}

interface AuditItem {
  at: string;
  actor: { ssin?: string; clientId?: string; name?: string };
  action: string;
  messageId?: string;
  detail?: string;
}

interface AuditPage {
  items: AuditItem[];
  pageSize: number;
  self: string;
  next?: string;
}

interface Me {
  ssin?: string;
  clientId?: string;
  name?: string;
  enterprises: Array<{ enterpriseNumber: string; name?: string; role?: string }>;
}

const MISSING_PERMISSION = BELGIF('missingPermission');
const accessPath = (company: Company, ssin?: string) => `/v1/enterprises/${company.enterpriseNumber}/access${ssin ? `/${ssin}` : ''}`;
const inboxPath = (company: Company) => `/v1/enterprises/${company.enterpriseNumber}/messages`;
const profilePath = (company: Company) => `/v1/enterprises/${company.enterpriseNumber}`;
const auditPath = (company: Company, query = '') => `/v1/enterprises/${company.enterpriseNumber}/audit${query}`;
const personActor = (person: Person) => ({ ssin: person.ssin, name: person.name });

const listAccess = async (company: Company) => {
  const response = await call<{ items: GrantView[] }>('GET', accessPath(company), { token: company.manager.token });
  expect(response.status).toBe(200);
  return response.body.items;
};

const fullAudit = async (company: Company) => {
  const response = await call<AuditPage>('GET', auditPath(company, '?pageSize=100'), { token: company.manager.token });
  expect(response.status).toBe(200);
  return response.body.items;
};

let sender: SenderSetup;

beforeAll(async () => {
  sender = await setupSender();
});

describe('access management', () => {
  it('lists who has access: the access managers registered by ops, with when and by whom', async () => {
    const company = await registerCompany({ managers: 2 });
    const response = await call<{ items: GrantView[] }>('GET', accessPath(company), { token: company.manager.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const sorted = [...response.body.items].sort((a, b) => a.ssin.localeCompare(b.ssin));
    const expected = [...company.managers]
      .sort((a, b) => a.ssin.localeCompare(b.ssin))
      .map((manager) => ({
        ssin: manager.ssin,
        name: manager.name,
        role: 'ACCESS_MANAGER',
        grantedAt: expect.stringMatching(ISO_MS),
        grantedBy: { clientId: company.adminClientId },
      }));
    expect(sorted).toEqual(expected);
  });

  it('grants a USER (201, then 200 when repeated); the user sees the company in /v1/me and reads its inbox', async () => {
    const company = await registerCompany();
    const person = await newPerson('Bob Utilisateur');

    // Before the grant, the person is refused.
    expectProblem(await call('GET', inboxPath(company), { token: person.token }), 403, MISSING_PERMISSION);

    const first = await call<GrantView>('PUT', accessPath(company, person.ssin), {
      token: company.manager.token,
      body: { role: 'USER', name: 'Bob Utilisateur' },
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(accessPath(company, person.ssin));
    expect(first.body).toEqual({
      ssin: person.ssin,
      name: 'Bob Utilisateur',
      role: 'USER',
      grantedAt: expect.stringMatching(ISO_MS),
      grantedBy: personActor(company.manager),
    });

    const again = await call<GrantView>('PUT', accessPath(company, person.ssin), {
      token: company.manager.token,
      body: { role: 'USER', name: 'Bob Utilisateur-Renamed' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      ssin: person.ssin,
      name: 'Bob Utilisateur-Renamed',
      role: 'USER',
      grantedAt: first.body.grantedAt,
      grantedBy: personActor(company.manager),
    });

    const items = await listAccess(company);
    expect(items).toHaveLength(2);
    expect(items).toContainEqual({
      ssin: person.ssin,
      name: 'Bob Utilisateur-Renamed',
      role: 'USER',
      grantedAt: first.body.grantedAt,
      grantedBy: personActor(company.manager),
    });

    const me = await call<Me>('GET', '/v1/me', { token: person.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      ssin: person.ssin,
      name: 'Bob Utilisateur',
      enterprises: [{ enterpriseNumber: company.enterpriseNumber, name: company.name, role: 'USER' }],
    });

    const message = await publish(sender, company.enterpriseNumber);
    const inbox = await call<{ items: Array<{ messageId: string }> }>('GET', inboxPath(company), { token: person.token });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((item) => item.messageId)).toEqual([message.messageId]);
  });

  it('revokes a USER: the very next request of that person is refused, and a second revocation is a 404', async () => {
    const company = await registerCompany();
    const user = await grantUser(company, 'Carla Revoked');
    const message = await publish(sender, company.enterpriseNumber);
    expect((await call('GET', inboxPath(company), { token: user.token })).status).toBe(200);

    const revoked = await call('DELETE', accessPath(company, user.ssin), { token: company.manager.token });
    expect(revoked.status).toBe(204);
    expect(revoked.body).toEqual({});

    // No waiting: the very next request is refused.
    expectProblem(await call('GET', inboxPath(company), { token: user.token }), 403, MISSING_PERMISSION);
    expectProblem(await call('GET', `${inboxPath(company)}/${message.messageId}`, { token: user.token }), 403, MISSING_PERMISSION);
    expectProblem(await call('GET', profilePath(company), { token: user.token }), 403, MISSING_PERMISSION);

    expect((await listAccess(company)).map((grant) => grant.ssin)).toEqual([company.manager.ssin]);
    const me = await call<Me>('GET', '/v1/me', { token: user.token });
    expect(me.status).toBe(200);
    expect(me.body.enterprises).toEqual([]);

    expectProblem(await call('DELETE', accessPath(company, user.ssin), { token: company.manager.token }), 404, BELGIF('resourceNotFound'));

    // Granted again, it is a new grant.
    const regranted = await call('PUT', accessPath(company, user.ssin), { token: company.manager.token, body: { role: 'USER', name: 'Carla Revoked' } });
    expect(regranted.status).toBe(201);
    expect((await call('GET', inboxPath(company), { token: user.token })).status).toBe(200);
  });

  it('answers 404 when revoking someone who never had access', async () => {
    const company = await registerCompany();
    const stranger = await newPerson();
    expectProblem(await call('DELETE', accessPath(company, stranger.ssin), { token: company.manager.token }), 404, BELGIF('resourceNotFound'));
    expect((await listAccess(company)).map((grant) => grant.ssin)).toEqual([company.manager.ssin]);
  });

  it('refuses a USER to list, grant or revoke access and to read the audit trail (missingPermission), and nothing changes', async () => {
    const company = await registerCompany();
    const user = await grantUser(company);
    const colleague = await grantUser(company);
    const newcomer = await newPerson();

    expectProblem(await call('GET', accessPath(company), { token: user.token }), 403, MISSING_PERMISSION);
    expectProblem(
      await call('PUT', accessPath(company, newcomer.ssin), { token: user.token, body: { role: 'USER', name: 'Newcomer' } }),
      403,
      MISSING_PERMISSION,
    );
    expectProblem(await call('DELETE', accessPath(company, colleague.ssin), { token: user.token }), 403, MISSING_PERMISSION);
    expectProblem(await call('DELETE', accessPath(company, company.manager.ssin), { token: user.token }), 403, MISSING_PERMISSION);
    expectProblem(await call('GET', auditPath(company), { token: user.token }), 403, MISSING_PERMISSION);

    expect((await listAccess(company)).map((grant) => grant.ssin).sort()).toEqual([company.manager.ssin, user.ssin, colleague.ssin].sort());
    expectProblem(await call('GET', inboxPath(company), { token: newcomer.token }), 403, MISSING_PERMISSION);
  });

  it('refuses an access manager to grant ACCESS_MANAGER (403), to a newcomer or to an existing USER', async () => {
    const company = await registerCompany();
    const newcomer = await newPerson();
    const user = await grantUser(company);

    expectProblem(
      await call('PUT', accessPath(company, newcomer.ssin), { token: company.manager.token, body: { role: 'ACCESS_MANAGER', name: 'Newcomer' } }),
      403,
      MISSING_PERMISSION,
    );
    expectProblem(
      await call('PUT', accessPath(company, user.ssin), { token: company.manager.token, body: { role: 'ACCESS_MANAGER', name: user.name } }),
      403,
      MISSING_PERMISSION,
    );

    const items = await listAccess(company);
    expect(items.map((grant) => grant.ssin).sort()).toEqual([company.manager.ssin, user.ssin].sort());
    expect(items.find((grant) => grant.ssin === user.ssin)?.role).toBe('USER');
    expectProblem(await call('GET', inboxPath(company), { token: newcomer.token }), 403, MISSING_PERMISSION);
    expectProblem(await call('GET', accessPath(company), { token: user.token }), 403, MISSING_PERMISSION);
  });

  it('refuses an access manager to revoke or downgrade another access manager, or themselves', async () => {
    const company = await registerCompany({ managers: 2 });
    const [first, second] = company.managers as [Person, Person];

    expectProblem(await call('DELETE', accessPath(company, second.ssin), { token: first.token }), 403, MISSING_PERMISSION);
    expectProblem(
      await call('PUT', accessPath(company, second.ssin), { token: first.token, body: { role: 'USER', name: second.name } }),
      403,
      MISSING_PERMISSION,
    );
    expectProblem(await call('DELETE', accessPath(company, first.ssin), { token: first.token }), 403, MISSING_PERMISSION);
    expectProblem(
      await call('PUT', accessPath(company, first.ssin), { token: first.token, body: { role: 'USER', name: first.name } }),
      403,
      MISSING_PERMISSION,
    );

    const items = await listAccess(company);
    expect(items.map((grant) => [grant.ssin, grant.role]).sort()).toEqual(
      [
        [first.ssin, 'ACCESS_MANAGER'],
        [second.ssin, 'ACCESS_MANAGER'],
      ].sort(),
    );
    expect((await call('GET', accessPath(company), { token: second.token })).status).toBe(200);
  });

  it.each([
    ['PUT', { role: 'USER', name: 'Nobody' }],
    ['DELETE', undefined],
  ])('answers %s with an invalid SSIN in the path with a 400 naming ssin', async (method, body) => {
    const company = await registerCompany();
    const response = await call<{ type: string; issues: Array<{ in: string; name: string }> }>(method, accessPath(company, '85073003329'), {
      token: company.manager.token,
      ...(body ? { body } : {}),
    });
    expectProblem(response, 400, BELGIF('badRequest'));
    expect(response.body.issues).toEqual([
      expect.objectContaining({ in: 'path', name: 'ssin', type: expect.stringMatching(/^urn:problem-type:belgif:input-validation:/) }),
    ]);
  });
});

describe('company profile and consent', () => {
  it('shows the profile with its unread count, in 10 digits whatever the notation of the path', async () => {
    const company = await registerCompany();
    const user = await grantUser(company);
    await publish(sender, company.enterpriseNumber);
    const expected = {
      enterpriseNumber: company.enterpriseNumber,
      name: company.name,
      notificationEmail: company.email,
      language: 'fr',
      digitalOnly: false,
      unreadCount: 1,
    };

    const response = await call<Profile>('GET', profilePath(company), { token: user.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expected);

    const n = company.enterpriseNumber;
    const dotted = await call<Profile>('GET', `/v1/enterprises/${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`, { token: user.token });
    expect(dotted.status).toBe(200);
    expect(dotted.body).toEqual(expected);
  });

  it('lets a USER change the notification email and the language (200, reflected on GET)', async () => {
    const company = await registerCompany();
    const user = await grantUser(company);
    const email = `${uniqueId('new')}@company.example`;

    const patched = await call<Profile>('PATCH', profilePath(company), { token: user.token, body: { notificationEmail: email, language: 'nl' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      enterpriseNumber: company.enterpriseNumber,
      name: company.name,
      notificationEmail: email,
      language: 'nl',
      digitalOnly: false,
      unreadCount: 0,
    });

    const read = await call<Profile>('GET', profilePath(company), { token: company.manager.token });
    expect(read.body).toEqual(patched.body);
  });

  it.each([
    ['an invalid email', { notificationEmail: 'not-an-email' }, 'notificationEmail'],
    ['an invalid language', { language: 'es' }, 'language'],
    ['an unknown field', { name: 'Renamed Corp' }, 'name'],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_label, body, field) => {
    const company = await registerCompany();
    const user = await grantUser(company);
    const response = await call<{ issues: Array<{ in: string; name: string }> }>('PATCH', profilePath(company), { token: user.token, body });
    expectProblem(response, 400, BELGIF('badRequest'));
    expect(response.body.issues).toContainEqual(expect.objectContaining({ in: 'body', name: field }));
    const read = await call<Profile>('GET', profilePath(company), { token: user.token });
    expect(read.body).toMatchObject({ name: company.name, notificationEmail: company.email, language: 'fr', digitalOnly: false });
  });

  it('refuses an empty PATCH with a 400', async () => {
    const company = await registerCompany();
    const user = await grantUser(company);
    const response = await call('PATCH', profilePath(company), { token: user.token, body: {} });
    expectProblem(response, 400, BELGIF('badRequest'));
    expect(response.body.issues).toEqual([expect.objectContaining({ in: 'body' })]);
  });

  it('records the "everything digital" consent, which institutions read in the preferences', async () => {
    const company = await registerCompany();
    const user = await grantUser(company);
    const preferencesPath = `/v1/enterprises/${company.enterpriseNumber}/preferences`;

    const before = await call('GET', preferencesPath, { token: sender.token });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ enterpriseNumber: company.enterpriseNumber, digitalOnly: false });

    const consent = await call<Profile>('PATCH', profilePath(company), { token: user.token, body: { digitalOnly: true } });
    expect(consent.status).toBe(200);
    expect(consent.body).toMatchObject({ digitalOnly: true, digitalOnlySince: expect.stringMatching(ISO_MS) });
    const since = consent.body.digitalOnlySince;

    const profile = await call<Profile>('GET', profilePath(company), { token: user.token });
    expect(profile.body).toMatchObject({ digitalOnly: true, digitalOnlySince: since });

    const preferences = await call('GET', preferencesPath, { token: sender.token });
    expect(preferences.status).toBe(200);
    expect(preferences.body).toEqual({ enterpriseNumber: company.enterpriseNumber, digitalOnly: true, digitalOnlySince: since });

    // Asking again does not move the date.
    const repeated = await call<Profile>('PATCH', profilePath(company), { token: user.token, body: { digitalOnly: true } });
    expect(repeated.body.digitalOnlySince).toBe(since);

    // A company person may not use the institutions' route.
    const byPerson = await call('GET', preferencesPath, { token: user.token });
    expect(byPerson.status).toBe(403);
    expect(byPerson.headers.get('content-type')).toBe('application/problem+json');
    expect(byPerson.body).toMatchObject({ type: BELGIF('missingScope'), requiredScopes: ['ebox/publish'] });

    const withdrawn = await call<Profile>('PATCH', profilePath(company), { token: user.token, body: { digitalOnly: false } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.digitalOnly).toBe(false);
    expect(withdrawn.body).not.toHaveProperty('digitalOnlySince');
    expect((await call('GET', preferencesPath, { token: sender.token })).body).toEqual({ enterpriseNumber: company.enterpriseNumber, digitalOnly: false });
  });

  it('answers the preferences of an unregistered (but valid) enterprise number: not digital only', async () => {
    const unregistered = randomEnterpriseNumber();
    const response = await call('GET', `/v1/enterprises/BE${unregistered}/preferences`, { token: sender.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ enterpriseNumber: unregistered, digitalOnly: false });

    const invalid = await call<{ issues: Array<{ in: string; name: string }> }>('GET', `/v1/enterprises/${unregistered.slice(0, 8)}00/preferences`, {
      token: sender.token,
    });
    expectProblem(invalid, 400, BELGIF('badRequest'));
    expect(invalid.body.issues).toEqual([expect.objectContaining({ in: 'path', name: 'enterpriseNumber' })]);
  });
});

describe('audit trail', () => {
  /** One company where a user, a machine client and the access manager each act, in a known order. */
  async function companyWithHistory() {
    const company = await registerCompany();
    const user = await grantUser(company, 'Dora Auditée');
    const client = await companyClient(company.enterpriseNumber);
    const message = await publish(sender, company.enterpriseNumber, {
      attachments: [{ fileName: 'bilan.pdf', mediaType: 'application/pdf', contentBase64: samplePdf('bilan').toString('base64') }],
    });
    const attachmentId = message.attachments[0]!.attachmentId;
    const messagePath = `${inboxPath(company)}/${message.messageId}`;

    expect((await call('GET', messagePath, { token: user.token })).status).toBe(200);
    const download = await call('GET', `${messagePath}/attachments/${attachmentId}/content`, { token: user.token });
    expect(download.status).toBe(302);
    // Opening and downloading marked it read: marking it unread is the change recorded.
    expect((await call('PATCH', messagePath, { token: user.token, body: { read: false } })).status).toBe(200);
    const email = `${uniqueId('audit')}@company.example`;
    expect((await call('PATCH', profilePath(company), { token: user.token, body: { notificationEmail: email } })).status).toBe(200);
    expect((await call('PATCH', profilePath(company), { token: user.token, body: { language: 'de' } })).status).toBe(200);
    expect((await call('PATCH', profilePath(company), { token: user.token, body: { digitalOnly: true } })).status).toBe(200);
    expect((await call('GET', messagePath, { token: client.token })).status).toBe(200);
    const temp = await grantUser(company, 'Emil Temporaire');
    await revoke(company, temp.ssin);

    const userActor = personActor(user);
    const managerActor = personActor(company.manager);
    // Oldest first, as performed.
    const performed = [
      { actor: { clientId: company.adminClientId }, action: 'ACCESS_MANAGER_GRANTED' },
      { actor: managerActor, action: 'ACCESS_GRANTED' },
      { actor: { clientId: sender.clientId, name: `Institution ${sender.senderId}` }, action: 'MESSAGE_PUBLISHED', messageId: message.messageId },
      { actor: userActor, action: 'MESSAGE_READ', messageId: message.messageId },
      { actor: userActor, action: 'ATTACHMENT_DOWNLOADED', messageId: message.messageId },
      { actor: userActor, action: 'MESSAGE_MARKED_UNREAD', messageId: message.messageId },
      { actor: userActor, action: 'NOTIFICATION_EMAIL_CHANGED' },
      { actor: userActor, action: 'LANGUAGE_CHANGED' },
      { actor: userActor, action: 'DIGITAL_ONLY_CHANGED' },
      { actor: { clientId: client.clientId }, action: 'MESSAGE_READ', messageId: message.messageId },
      { actor: managerActor, action: 'ACCESS_GRANTED' },
      { actor: managerActor, action: 'ACCESS_REVOKED' },
    ];
    return { company, user, temp, message, performed };
  }

  it('lists every action with its actor and time, newest first', async () => {
    const { company, performed } = await companyWithHistory();
    const response = await call<AuditPage>('GET', auditPath(company, '?pageSize=100'), { token: company.manager.token });
    expect(response.status).toBe(200);
    const items = response.body.items;

    expect(items.map(({ actor, action, messageId }) => ({ actor, action, ...(messageId ? { messageId } : {}) }))).toEqual([...performed].reverse());
    for (const item of items) {
      expect(item.at).toMatch(ISO_MS);
      expect(Object.keys(item).every((key) => ['at', 'actor', 'action', 'messageId', 'detail'].includes(key))).toBe(true);
    }
    const times = items.map((item) => Date.parse(item.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(response.body.next).toBeUndefined();
  });

  it('pages with pageSize=2, following next until it is absent, without duplicates or gaps', async () => {
    const { company } = await companyWithHistory();
    const all = await fullAudit(company);
    expect(all).toHaveLength(12);

    const seen: AuditItem[] = [];
    let path: string | undefined = auditPath(company, '?pageSize=2');
    let pages = 0;
    while (path) {
      const page: ApiResponse<AuditPage> = await call<AuditPage>('GET', path, { token: company.manager.token });
      expect(page.status).toBe(200);
      expect(page.body.pageSize).toBe(2);
      expect(page.body.self).toBe(path);
      expect(page.body.items.length).toBeGreaterThanOrEqual(1);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      path = page.body.next;
      pages += 1;
      expect(pages).toBeLessThanOrEqual(6);
    }
    expect(pages).toBe(6);
    expect(seen).toEqual(all);
    expect(new Set(seen.map((item) => JSON.stringify(item))).size).toBe(all.length);
  });

  it('serves the whole trail on one page, without a next link, when pageSize equals its length', async () => {
    const { company } = await companyWithHistory();
    const all = await fullAudit(company);
    const page = await call<AuditPage>('GET', auditPath(company, `?pageSize=${all.length}`), { token: company.manager.token });
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual(all);
    // belgif: `next` is absent on the last page; a `next` that leads to an empty page is not one.
    const followUp = page.body.next ? (await call<AuditPage>('GET', page.body.next, { token: company.manager.token })).body : undefined;
    expect({ next: page.body.next, followUp }).toEqual({ next: undefined, followUp: undefined });
  });

  it("refuses another company's cursor (400) rather than showing its trail", async () => {
    const { company } = await companyWithHistory();
    const other = await registerCompany();
    const first = await call<AuditPage>('GET', auditPath(company, '?pageSize=2'), { token: company.manager.token });
    const cursor = new URL(first.body.next!, 'http://x').searchParams.get('cursor')!;
    const response = await call<{ issues: Array<{ in: string; name: string }> }>('GET', auditPath(other, `?pageSize=2&cursor=${cursor}`), {
      token: other.manager.token,
    });
    expectProblem(response, 400, BELGIF('badRequest'));
    expect(response.body.issues).toEqual([expect.objectContaining({ in: 'query', name: 'cursor' })]);
    expect(JSON.stringify(response.body)).not.toContain(company.manager.ssin);
  });
});

describe("a company's own machine client", () => {
  it('reads the inbox and a message, sees itself in /v1/me, but may not change the profile or manage access', async () => {
    const company = await registerCompany();
    // Bound with the BE notation: the binding is stored in 10 digits.
    const clientId = uniqueId('erp');
    const admin = await clientToken(uniqueId('ops'), 'ebox/admin');
    const bound = await call('PUT', `/v1/admin/clients/${clientId}`, { token: admin, body: { enterpriseNumber: `BE${company.enterpriseNumber}` } });
    expect(bound.status).toBe(200);
    const token = await clientToken(clientId, 'ebox/read');
    const message = await publish(sender, company.enterpriseNumber);
    const newcomer = await newPerson();

    const inbox = await call<{ items: Array<{ messageId: string }> }>('GET', inboxPath(company), { token });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((item) => item.messageId)).toEqual([message.messageId]);
    const read = await call<{ messageId: string }>('GET', `${inboxPath(company)}/${message.messageId}`, { token });
    expect(read.status).toBe(200);
    expect(read.body.messageId).toBe(message.messageId);

    const me = await call<Me>('GET', '/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ clientId, enterprises: [{ enterpriseNumber: company.enterpriseNumber, name: company.name }] });

    expectProblem(await call('PATCH', profilePath(company), { token, body: { language: 'en' } }), 403, MISSING_PERMISSION);
    expectProblem(await call('GET', accessPath(company), { token }), 403, MISSING_PERMISSION);
    expectProblem(await call('PUT', accessPath(company, newcomer.ssin), { token, body: { role: 'USER', name: 'Via ERP' } }), 403, MISSING_PERMISSION);
    expectProblem(await call('DELETE', accessPath(company, company.manager.ssin), { token }), 403, MISSING_PERMISSION);
    expectProblem(await call('GET', auditPath(company), { token }), 403, MISSING_PERMISSION);

    expect((await call<Profile>('GET', profilePath(company), { token: company.manager.token })).body.language).toBe('fr');
    expect((await listAccess(company)).map((grant) => grant.ssin)).toEqual([company.manager.ssin]);
    expectProblem(await call('GET', inboxPath(company), { token: await personToken(newcomer.ssin, newcomer.name) }), 403, MISSING_PERMISSION);
  });
});
