import { ROUTES } from '../../functions/routes';
import { call, clientToken, personToken, type ApiResponse } from './support/api';
import { publish, randomSsin, samplePdf, setupSender, uniqueId, type SenderSetup } from './support/fixtures';
import { BELGIF, companyClient, grantUser, newPerson, PROBLEM_JSON, registerCompany, revoke, type Company, type Person } from './support/personas';

/**
 * Tenant isolation: every /v1 route of functions/routes.ts, called with a syntactically valid
 * request about company A, by every persona that has no business there. Each refusal is a
 * problem+json 401/403/404 that leaks none of A's data; the few personas that are entitled
 * to a route succeed. A route without an entry in EXPECTATIONS fails the suite.
 */

const PERSONAS = [
  /** No Authorization header. */
  'anonymous',
  /** A person (ebox/read) without any grant on A. */
  'stranger',
  /** The access manager of company B. */
  'managerOfB',
  /** A person granted USER on A, then revoked (token minted while granted). */
  'revoked',
  /** A person with USER on A. */
  'user',
  /** A machine client bound to company B (ebox/read). */
  'clientOfB',
  /** A's own machine client (ebox/read). */
  'clientOfA',
  /** A's own machine client, with a token carrying ebox/publish instead. */
  'clientOfAWithPublishScope',
  /** The institution that published A's message (ebox/publish). */
  'institution',
  /** That institution's client with a token carrying ebox/read instead. */
  'institutionWithReadScope',
  /** Another institution's back office (ebox/publish). */
  'otherInstitution',
  /** A's access manager, with a token carrying no scope at all. */
  'managerWithoutScope',
  /** A's USER, with a token carrying ebox/publish instead of ebox/read. */
  'userWithPublishScope',
] as const;
type Persona = (typeof PERSONAS)[number];

/** Personas entitled to see A's data on some route; every other one must never see it, even on a 2xx. */
const OWNERS: ReadonlySet<Persona> = new Set<Persona>(['user', 'clientOfA', 'institution']);

type Expectation = { allowed: number } | { refused: 401 | 403 | 404; type: string; requiredScopes?: string[] };

const allowed = (status: number): Expectation => ({ allowed: status });
const noToken: Expectation = { refused: 401, type: BELGIF('noAccessToken') };
const missingScope = (...requiredScopes: string[]): Expectation => ({ refused: 403, type: BELGIF('missingScope'), requiredScopes });
const missingPermission: Expectation = { refused: 403, type: BELGIF('missingPermission') };
const notFound: Expectation = { refused: 404, type: BELGIF('resourceNotFound') };

const READ = 'ebox/read';
const PUBLISH = 'ebox/publish';
const ADMIN = 'ebox/admin';

/** Admin routes: ebox/admin only, so everyone here lacks the scope. */
const adminRoute = (): Record<Persona, Expectation> => ({
  anonymous: noToken,
  stranger: missingScope(ADMIN),
  managerOfB: missingScope(ADMIN),
  revoked: missingScope(ADMIN),
  user: missingScope(ADMIN),
  clientOfB: missingScope(ADMIN),
  clientOfA: missingScope(ADMIN),
  clientOfAWithPublishScope: missingScope(ADMIN),
  institution: missingScope(ADMIN),
  institutionWithReadScope: missingScope(ADMIN),
  otherInstitution: missingScope(ADMIN),
  managerWithoutScope: missingScope(ADMIN),
  userWithPublishScope: missingScope(ADMIN),
});

/** Institution routes: ebox/publish and a client bound to a sender. */
const institutionRoute = (own: Expectation, other: Expectation): Record<Persona, Expectation> => ({
  anonymous: noToken,
  stranger: missingScope(PUBLISH),
  managerOfB: missingScope(PUBLISH),
  revoked: missingScope(PUBLISH),
  user: missingScope(PUBLISH),
  clientOfB: missingScope(PUBLISH),
  clientOfA: missingScope(PUBLISH),
  clientOfAWithPublishScope: missingPermission,
  institution: own,
  institutionWithReadScope: missingScope(PUBLISH),
  otherInstitution: other,
  managerWithoutScope: missingScope(PUBLISH),
  userWithPublishScope: missingPermission,
});

/** Company routes: ebox/read and a grant on A (people) or a binding to A (clients). */
const companyRoute = (forUser: Expectation, forClientOfA: Expectation): Record<Persona, Expectation> => ({
  anonymous: noToken,
  stranger: missingPermission,
  managerOfB: missingPermission,
  revoked: missingPermission,
  user: forUser,
  clientOfB: missingPermission,
  clientOfA: forClientOfA,
  clientOfAWithPublishScope: missingScope(READ),
  institution: missingScope(READ),
  institutionWithReadScope: missingPermission,
  otherInstitution: missingScope(READ),
  managerWithoutScope: missingScope(READ),
  userWithPublishScope: missingScope(READ),
});

/** Keyed by `METHOD path` exactly as in functions/routes.ts. */
const EXPECTATIONS: Record<string, Record<Persona, Expectation>> = {
  'PUT /v1/admin/senders/{senderId}': adminRoute(),
  'PUT /v1/admin/clients/{clientId}': adminRoute(),
  'PUT /v1/admin/enterprises/{enterpriseNumber}': adminRoute(),

  'POST /v1/messages': institutionRoute(allowed(201), allowed(201)),
  'GET /v1/messages': institutionRoute(allowed(200), allowed(200)),
  'GET /v1/messages/{messageId}': institutionRoute(allowed(200), notFound),
  'POST /v1/uploads': institutionRoute(allowed(201), allowed(201)),
  'GET /v1/enterprises/{enterpriseNumber}/preferences': institutionRoute(allowed(200), allowed(200)),
  'GET /v1/received': institutionRoute(allowed(200), allowed(200)),
  'GET /v1/received/{companyMessageId}': institutionRoute(allowed(200), notFound),
  'GET /v1/received/{companyMessageId}/attachments/{attachmentId}/content': institutionRoute(allowed(302), notFound),

  'GET /v1/me': {
    anonymous: noToken,
    stranger: allowed(200),
    managerOfB: allowed(200),
    revoked: allowed(200),
    user: allowed(200),
    clientOfB: allowed(200),
    clientOfA: allowed(200),
    clientOfAWithPublishScope: missingScope(READ),
    institution: missingScope(READ),
    institutionWithReadScope: allowed(200),
    otherInstitution: missingScope(READ),
    managerWithoutScope: missingScope(READ),
    userWithPublishScope: missingScope(READ),
  },
  'GET /v1/senders': {
    anonymous: noToken,
    stranger: allowed(200),
    managerOfB: allowed(200),
    revoked: allowed(200),
    user: allowed(200),
    clientOfB: allowed(200),
    clientOfA: allowed(200),
    clientOfAWithPublishScope: allowed(200),
    institution: allowed(200),
    institutionWithReadScope: allowed(200),
    otherInstitution: allowed(200),
    managerWithoutScope: missingScope(READ, PUBLISH),
    userWithPublishScope: allowed(200),
  },

  // Mailbox: people with a grant and the company's own clients.
  'GET /v1/enterprises/{enterpriseNumber}': companyRoute(allowed(200), allowed(200)),
  'GET /v1/enterprises/{enterpriseNumber}/messages': companyRoute(allowed(200), allowed(200)),
  'GET /v1/enterprises/{enterpriseNumber}/messages/{messageId}': companyRoute(allowed(200), allowed(200)),
  'PATCH /v1/enterprises/{enterpriseNumber}/messages/{messageId}': companyRoute(allowed(200), allowed(200)),
  'GET /v1/enterprises/{enterpriseNumber}/messages/{messageId}/attachments/{attachmentId}/content': companyRoute(allowed(302), allowed(302)),
  'GET /v1/enterprises/{enterpriseNumber}/sent': companyRoute(allowed(200), allowed(200)),
  'GET /v1/enterprises/{enterpriseNumber}/sent/{companyMessageId}': companyRoute(allowed(200), allowed(200)),
  // Acting for the company: people with a grant only.
  'PATCH /v1/enterprises/{enterpriseNumber}': companyRoute(allowed(200), missingPermission),
  'POST /v1/enterprises/{enterpriseNumber}/messages/{messageId}/replies': companyRoute(allowed(201), missingPermission),
  'POST /v1/enterprises/{enterpriseNumber}/sent': companyRoute(allowed(201), missingPermission),
  // Access management: access managers only.
  'GET /v1/enterprises/{enterpriseNumber}/access': companyRoute(missingPermission, missingPermission),
  'PUT /v1/enterprises/{enterpriseNumber}/access/{ssin}': companyRoute(missingPermission, missingPermission),
  'DELETE /v1/enterprises/{enterpriseNumber}/access/{ssin}': companyRoute(missingPermission, missingPermission),
  'GET /v1/enterprises/{enterpriseNumber}/audit': companyRoute(missingPermission, missingPermission),
};

const V1_ROUTES = ROUTES.filter((route) => route.path.startsWith('/v1'));
const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

interface World {
  a: Company;
  b: Company;
  sender: SenderSetup;
  otherSender: SenderSetup;
  user: Person;
  /** A USER of A whose SSIN is the {ssin} of the access routes: refused callers must not revoke them. */
  target: Person;
  clientOfA: { clientId: string; token: string };
  messageId: string;
  attachmentId: string;
  subject: string;
  body: string;
  fileName: string;
  /** A message A's user sent to the institution (what /v1/received shows it). */
  companyMessage: { id: string; attachmentId: string; subject: string; body: string; fileName: string };
  /** The client id that refused callers try to bind to A through the admin API. */
  hijackClientId: string;
  /** The sender id that refused callers try to register through the admin API. */
  hijackSenderId: string;
  tokens: Record<Persona, string | undefined>;
}

let world: World;

beforeAll(async () => {
  const [a, b, sender, otherSender] = await Promise.all([registerCompany(), registerCompany(), setupSender(), setupSender()]);
  const subject = `Redressement fiscal ${uniqueId('confidential')}`;
  const body = `Montant dû ${uniqueId('amount')}`;
  const fileName = `${uniqueId('avis-secret')}.pdf`;
  const message = await publish(sender, a.enterpriseNumber, {
    subject: { fr: subject },
    body: { fr: body },
    replyable: true,
    attachments: [{ fileName, mediaType: 'application/pdf', contentBase64: samplePdf(subject).toString('base64') }],
  });
  const user = await grantUser(a, `User ${uniqueId('u')}`);
  const target = await grantUser(a, `Target ${uniqueId('t')}`);
  const revoked = await grantUser(a, `Revoked ${uniqueId('r')}`);
  await revoke(a, revoked.ssin);
  const stranger = await newPerson();
  const companyMessageDraft = {
    subject: `Réclamation ${uniqueId('claim')}`,
    body: `Notre dossier ${uniqueId('file')}`,
    fileName: `${uniqueId('annexe-secret')}.pdf`,
  };
  const sent = await call<{ id: string; attachments: Array<{ attachmentId: string }> }>('POST', `/v1/enterprises/${a.enterpriseNumber}/sent`, {
    token: user.token,
    body: {
      to: sender.senderId,
      subject: companyMessageDraft.subject,
      body: companyMessageDraft.body,
      attachments: [
        { fileName: companyMessageDraft.fileName, mediaType: 'application/pdf', contentBase64: samplePdf(companyMessageDraft.body).toString('base64') },
      ],
    },
  });
  if (sent.status !== 201) throw new Error(`sent: ${sent.status} ${JSON.stringify(sent.body)}`);
  const clientOfA = await companyClient(a.enterpriseNumber);
  const clientOfB = await companyClient(b.enterpriseNumber);

  world = {
    a,
    b,
    sender,
    otherSender,
    user,
    target,
    clientOfA,
    messageId: message.messageId,
    attachmentId: message.attachments[0]!.attachmentId,
    subject,
    body,
    fileName,
    companyMessage: { ...companyMessageDraft, id: sent.body.id, attachmentId: sent.body.attachments[0]!.attachmentId },
    hijackClientId: uniqueId('hijack-client'),
    hijackSenderId: uniqueId('hijack-sender'),
    tokens: {
      anonymous: undefined,
      stranger: stranger.token,
      managerOfB: b.manager.token,
      revoked: revoked.token,
      user: user.token,
      clientOfB: clientOfB.token,
      clientOfA: clientOfA.token,
      clientOfAWithPublishScope: await clientToken(clientOfA.clientId, PUBLISH),
      institution: sender.token,
      institutionWithReadScope: await clientToken(sender.clientId, READ),
      otherInstitution: otherSender.token,
      managerWithoutScope: await personToken(a.manager.ssin, a.manager.name, { scope: '' }),
      userWithPublishScope: await personToken(user.ssin, user.name, { scope: PUBLISH }),
    },
  };
});

/** A syntactically valid request for the route, about company A. */
function requestFor(key: string, path: string): { path: string; body?: unknown } {
  const { a, b } = world;
  const received = path.startsWith('/v1/received');
  const concrete = path
    .replace('{enterpriseNumber}', a.enterpriseNumber)
    .replace('{messageId}', world.messageId)
    .replace('{companyMessageId}', world.companyMessage.id)
    .replace('{attachmentId}', received ? world.companyMessage.attachmentId : world.attachmentId)
    .replace('{ssin}', world.target.ssin)
    .replace('{senderId}', world.hijackSenderId)
    .replace('{clientId}', world.hijackClientId);
  expect(concrete).not.toMatch(/[{}]/);
  const bodies: Record<string, unknown> = {
    'PUT /v1/admin/senders/{senderId}': {
      name: { fr: 'Fausse institution' },
      level: 'FEDERAL',
      acceptsMessages: true,
      documentTypes: [{ code: 'TAX_NOTICE', name: { fr: 'Avis' }, validityDays: 30 }],
    },
    'PUT /v1/admin/clients/{clientId}': { enterpriseNumber: a.enterpriseNumber },
    'PUT /v1/admin/enterprises/{enterpriseNumber}': {
      name: 'Hijacked Corp',
      notificationEmail: 'mallory@attacker.example',
      accessManagers: [{ ssin: randomSsin(), name: 'Mallory' }],
    },
    'POST /v1/messages': {
      recipient: b.enterpriseNumber,
      documentType: 'TAX_NOTICE',
      subject: { fr: `Matrix ${uniqueId('m')}` },
      attachments: [{ fileName: 'matrix.pdf', mediaType: 'application/pdf', contentBase64: samplePdf('matrix').toString('base64') }],
    },
    'POST /v1/uploads': { fileName: 'big.pdf', mediaType: 'application/pdf', size: 1024, sha256: 'a'.repeat(64) },
    'PATCH /v1/enterprises/{enterpriseNumber}': { language: 'nl' },
    'PATCH /v1/enterprises/{enterpriseNumber}/messages/{messageId}': { read: true },
    'PUT /v1/enterprises/{enterpriseNumber}/access/{ssin}': { role: 'USER', name: 'Renamed By Matrix' },
    'POST /v1/enterprises/{enterpriseNumber}/messages/{messageId}/replies': { body: `Réponse ${uniqueId('r')}` },
    'POST /v1/enterprises/{enterpriseNumber}/sent': { to: world.sender.senderId, subject: `Matrix ${uniqueId('s')}`, body: 'Bonjour' },
  };
  return { path: concrete, body: bodies[key] };
}

/** A's data that no foreign persona may ever see; ids only where the request did not carry them. */
function secretsOfA(requestPath: string): string[] {
  const { a } = world;
  const { companyMessage } = world;
  const always = [
    a.name,
    a.email,
    a.manager.name,
    a.manager.ssin,
    world.user.name,
    world.subject,
    world.body,
    world.fileName,
    companyMessage.subject,
    companyMessage.body,
    companyMessage.fileName,
  ];
  const ids = [
    a.enterpriseNumber,
    world.messageId,
    world.attachmentId,
    companyMessage.id,
    companyMessage.attachmentId,
    world.target.ssin,
    world.user.ssin,
  ].filter((id) => !requestPath.includes(id));
  return [...always, ...ids];
}

const describeExpectation = (expectation: Expectation) =>
  'allowed' in expectation ? `allowed (${expectation.allowed})` : `${expectation.refused} ${expectation.type.split(':').pop()}`;

describe('the isolation table', () => {
  it('has an entry for every /v1 route of functions/routes.ts (add new routes to EXPECTATIONS)', () => {
    const missing = V1_ROUTES.map(routeKey).filter((key) => !(key in EXPECTATIONS));
    expect(missing).toEqual([]);
  });

  it('has no entry for a route that does not exist', () => {
    const known = new Set(V1_ROUTES.map(routeKey));
    expect(Object.keys(EXPECTATIONS).filter((key) => !known.has(key))).toEqual([]);
  });

  it('states an expectation for every persona on every route, and refuses far more than it allows', () => {
    for (const [key, row] of Object.entries(EXPECTATIONS)) expect([key, Object.keys(row).sort()]).toEqual([key, [...PERSONAS].sort()]);
    const cells = Object.values(EXPECTATIONS).flatMap((row) => Object.values(row));
    expect(cells.filter((cell) => 'refused' in cell).length).toBeGreaterThan(3 * cells.filter((cell) => 'allowed' in cell).length);
  });
});

describe.each(V1_ROUTES.filter((route) => routeKey(route) in EXPECTATIONS).map((route) => [routeKey(route), route.path] as const))(
  '%s',
  (key, pathTemplate) => {
    const row = EXPECTATIONS[key]!;
    it.each(PERSONAS.map((persona) => [persona, describeExpectation(row[persona])] as const))('as %s: %s', async (persona) => {
      const expectation = row[persona];
      const { path, body } = requestFor(key, pathTemplate);
      const method = key.split(' ')[0]!;
      const response: ApiResponse = await call(method, path, { token: world.tokens[persona], ...(body === undefined ? {} : { body }) });
      const text = JSON.stringify(response.body);

      if ('refused' in expectation) {
        expect({ status: response.status, contentType: response.headers.get('content-type'), type: response.body.type }).toEqual({
          status: expectation.refused,
          contentType: PROBLEM_JSON,
          type: expectation.type,
        });
        expect(response.body.status).toBe(expectation.refused);
        if (expectation.requiredScopes) expect(response.body.requiredScopes).toEqual(expectation.requiredScopes);
      } else {
        expect({ status: response.status, body: response.status >= 400 ? response.body : undefined }).toEqual({ status: expectation.allowed, body: undefined });
      }
      if ('refused' in expectation || !OWNERS.has(persona)) {
        for (const secret of secretsOfA(path)) expect({ persona, leaked: text.includes(secret) ? secret : undefined }).toEqual({ persona, leaked: undefined });
      }
    });
  },
);

describe('after the matrix', () => {
  it('the refused calls changed nothing: grants, bindings, profile, senders, and the audit trail names only entitled actors', async () => {
    const { a } = world;
    const grants = await call<{ items: Array<{ ssin: string; name: string; role: string }> }>('GET', `/v1/enterprises/${a.enterpriseNumber}/access`, {
      token: a.manager.token,
    });
    expect(grants.status).toBe(200);
    expect(grants.body.items.map((grant) => `${grant.ssin} ${grant.role} ${grant.name}`).sort()).toEqual(
      [
        `${a.manager.ssin} ACCESS_MANAGER ${a.manager.name}`,
        `${world.user.ssin} USER ${world.user.name}`,
        `${world.target.ssin} USER ${world.target.name}`,
      ].sort(),
    );

    const profile = await call('GET', `/v1/enterprises/${a.enterpriseNumber}`, { token: a.manager.token });
    expect(profile.body).toMatchObject({ name: a.name, notificationEmail: a.email });

    // The client that refused callers tried to bind to A is bound to nothing.
    const hijacker = await clientToken(world.hijackClientId, READ);
    expect((await call('GET', `/v1/enterprises/${a.enterpriseNumber}/messages`, { token: hijacker })).status).toBe(403);
    expect((await call('GET', '/v1/me', { token: hijacker })).body).toEqual({ clientId: world.hijackClientId, enterprises: [] });

    const senders = await call<{ items: Array<{ senderId: string }> }>('GET', '/v1/senders', { token: a.manager.token });
    expect(senders.body.items.map((sender) => sender.senderId)).not.toContain(world.hijackSenderId);

    const audit = await call<{ items: Array<{ actor: { ssin?: string; clientId?: string } }> }>(
      'GET',
      `/v1/enterprises/${a.enterpriseNumber}/audit?pageSize=100`,
      { token: a.manager.token },
    );
    expect(audit.status).toBe(200);
    // The institution that published to A, and the e-Box itself (emails, expiry), act on A's messages too.
    const entitled = new Set([a.adminClientId, a.manager.ssin, world.user.ssin, world.clientOfA.clientId, world.sender.clientId, 'e-box']);
    expect([...new Set(audit.body.items.map((entry) => entry.actor.ssin ?? entry.actor.clientId))].filter((actor) => !entitled.has(actor!))).toEqual([]);
  });

  it("the entitled callers do see A's data, so the leak checks above can fail", async () => {
    const { a } = world;
    const profile = await call('GET', `/v1/enterprises/${a.enterpriseNumber}`, { token: world.user.token });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ enterpriseNumber: a.enterpriseNumber, name: a.name, notificationEmail: a.email });

    const message = await call('GET', `/v1/enterprises/${a.enterpriseNumber}/messages/${world.messageId}`, { token: world.clientOfA.token });
    expect(message.status).toBe(200);
    expect(message.body).toMatchObject({
      messageId: world.messageId,
      subject: { fr: world.subject },
      body: { fr: world.body },
      attachments: [expect.objectContaining({ attachmentId: world.attachmentId, fileName: world.fileName })],
    });

    const access = await call('GET', `/v1/enterprises/${a.enterpriseNumber}/access`, { token: a.manager.token });
    expect(JSON.stringify(access.body)).toContain(a.manager.name);

    const sent = await call('GET', `/v1/messages/${world.messageId}`, { token: world.sender.token });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ messageId: world.messageId, recipient: a.enterpriseNumber, subject: { fr: world.subject } });

    const me = await call('GET', '/v1/me', { token: world.user.token });
    expect(me.body).toMatchObject({ enterprises: [{ enterpriseNumber: a.enterpriseNumber, name: a.name, role: 'USER' }] });
  });

  it("B's manager and client see B, not A; an institution sees only its own publications", async () => {
    const { a, b } = world;
    const managerOfB = await call('GET', '/v1/me', { token: world.tokens.managerOfB });
    expect(managerOfB.body).toEqual({
      ssin: b.manager.ssin,
      name: b.manager.name,
      enterprises: [{ enterpriseNumber: b.enterpriseNumber, name: b.name, role: 'ACCESS_MANAGER' }],
    });

    const clientOfB = world.tokens.clientOfB!;
    expect((await call('GET', `/v1/enterprises/${b.enterpriseNumber}/messages`, { token: clientOfB })).status).toBe(200);
    const message = await call('GET', `/v1/enterprises/${b.enterpriseNumber}/messages/${world.messageId}`, { token: clientOfB });
    expect({ status: message.status, type: message.body.type }).toEqual({ status: 404, type: BELGIF('resourceNotFound') });
    expect(JSON.stringify(message.body)).not.toContain(world.subject);

    const list = await call<{ items: Array<{ messageId: string; recipient: string }> }>('GET', '/v1/messages', { token: world.otherSender.token });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0); // its own matrix publications to B
    expect(list.body.items.every((item) => item.recipient === b.enterpriseNumber)).toBe(true);
    expect(list.body.items.map((item) => item.messageId)).not.toContain(world.messageId);
    expect(a.enterpriseNumber).not.toBe(b.enterpriseNumber);
  });
});
