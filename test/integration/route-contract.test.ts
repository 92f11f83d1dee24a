import { createHash } from 'node:crypto';
import { ROUTES } from '../../functions/routes';
import type { BucketArea } from '../../shared/http/route-contract';
import { call, clientToken, personToken } from './support/api';
import { adminToken, randomEnterpriseNumber, randomSsin, samplePdf, uniqueId } from './support/fixtures';

/**
 * Every route touches only what it declares. The local runtime records the SDK calls each route's
 * handler makes (table reads and writes, indexes, partition key prefixes, bucket areas, queues);
 * in AWS the function's grants come from the declaration, so anything undeclared would be refused
 * there. This file walks every route once on its happy path, then compares.
 */
jest.setTimeout(60_000);

interface RouteAccess {
  tableRead: boolean;
  tableWrite: boolean;
  indexes: string[];
  partitions: string[];
  bucket: { read: BucketArea[]; write: BucketArea[]; delete: BucketArea[] };
  queues: string[];
}

async function ok<T = Record<string, unknown>>(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  expected = [200, 201, 204, 302],
): Promise<T> {
  const response = await call<T>(method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
  if (!expected.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  const admin = await adminToken();
  const senderId = uniqueId('contract-sender');
  const backOffice = uniqueId('contract-backoffice');
  const erp = uniqueId('contract-erp');
  const n = randomEnterpriseNumber();
  const manager = { ssin: randomSsin(), name: 'Marie Manager' };
  const pdf = samplePdf('route contract').toString('base64');

  await ok('GET', '/health', undefined);
  await ok('GET', '/openapi.json', undefined);
  await ok('GET', '/doc/openapi.json', undefined);
  await ok('PUT', `/v1/admin/senders/${senderId}`, admin, {
    name: { fr: 'Institution contrat' },
    level: 'FEDERAL',
    acceptsMessages: true,
    documentTypes: [{ code: 'TAX_NOTICE', name: { fr: 'Avis' }, validityDays: 30 }],
  });
  await ok('PUT', `/v1/admin/clients/${backOffice}`, admin, { senderId });
  await ok('PUT', `/v1/admin/enterprises/${n}`, admin, { name: 'Contract SA', notificationEmail: 'contract@example.be', accessManagers: [manager] });
  await ok('PUT', `/v1/admin/clients/${erp}`, admin, { enterpriseNumber: n });

  const institution = await clientToken(backOffice, 'ebox/publish');
  const bytes = samplePdf('uploaded');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const upload = await ok<{ uploadId: string; uploadUrl: string }>('POST', '/v1/uploads', institution, {
    fileName: 'big.pdf',
    mediaType: 'application/pdf',
    size: bytes.length,
    sha256,
  });
  expect((await fetch(upload.uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: bytes })).status).toBe(200);
  const message = await ok<{ messageId: string; attachments: Array<{ attachmentId: string }> }>('POST', '/v1/messages', institution, {
    recipient: n,
    documentType: 'TAX_NOTICE',
    subject: { fr: 'Contrat' },
    replyable: true,
    externalId: uniqueId('CONTRACT'),
    attachments: [
      { fileName: 'inline.pdf', mediaType: 'application/pdf', contentBase64: pdf },
      { fileName: 'big.pdf', uploadId: upload.uploadId },
    ],
  });
  await ok('GET', '/v1/messages', institution);
  await ok('GET', `/v1/messages/${message.messageId}`, institution);
  await ok('GET', `/v1/enterprises/${n}/preferences`, institution);

  const person = await personToken(manager.ssin, manager.name);
  const company = `/v1/enterprises/${n}`;
  await ok('GET', '/v1/me', person);
  await ok('GET', '/v1/senders', person);
  await ok('GET', company, person);
  await ok('PATCH', company, person, { digitalOnly: true });
  await ok('GET', `${company}/messages`, person);
  await ok('GET', `${company}/messages`, await clientToken(erp, 'ebox/read'));
  await ok('GET', `${company}/messages/${message.messageId}`, person);
  await ok('PATCH', `${company}/messages/${message.messageId}`, person, { read: false });
  await ok('GET', `${company}/messages/${message.messageId}/attachments/${message.attachments[0]?.attachmentId}/content`, person);
  const reply = await ok<{ id: string; attachments: Array<{ attachmentId: string }> }>('POST', `${company}/messages/${message.messageId}/replies`, person, {
    body: 'Réponse',
    attachments: [{ fileName: 'reponse.pdf', mediaType: 'application/pdf', contentBase64: pdf }],
  });
  await ok('POST', `${company}/sent`, person, { to: senderId, subject: 'Question', body: 'Bonjour' });
  await ok('GET', `${company}/sent`, person);
  await ok('GET', `${company}/sent/${reply.id}`, person);

  await ok('GET', '/v1/received', institution);
  await ok('GET', `/v1/received/${reply.id}`, institution);
  await ok('GET', `/v1/received/${reply.id}/attachments/${reply.attachments[0]?.attachmentId}/content`, institution);

  const colleague = randomSsin();
  await ok('PUT', `${company}/access/${colleague}`, person, { role: 'USER', name: 'Colin Collègue' });
  await ok('GET', `${company}/access`, person);
  await ok('DELETE', `${company}/access/${colleague}`, person);
  await ok('GET', `${company}/audit`, person);
});

describe('what each route does against what it declares', () => {
  let observed: Record<string, RouteAccess>;

  beforeAll(async () => {
    observed = (await call<Record<string, RouteAccess>>('GET', '/local/observed-access')).body;
  });

  it('saw every route behind a token at work', () => {
    const seen = ROUTES.filter((route) => route.auth === 'jwt').map((route) => `${route.method} ${route.path}`);
    expect(seen.filter((key) => !(key in observed))).toEqual([]);
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s touches nothing it did not declare', (key, route) => {
    const access = observed[key];
    if (!access) return; // public routes touch nothing (and are not recorded)
    const { table, bucket, queues } = route.touches;
    const undeclared = {
      tableRead: access.tableRead && !table,
      tableWrite: access.tableWrite && table?.access !== 'readWrite',
      indexes: access.indexes.filter((index) => !(table?.indexes ?? []).includes(index as never)),
      partitions: access.partitions.filter((prefix) => !(table?.partitions ?? []).includes(prefix)),
      bucketRead: access.bucket.read.filter((area) => !(bucket?.read ?? []).includes(area)),
      bucketWrite: access.bucket.write.filter((area) => !(bucket?.write ?? []).includes(area)),
      bucketDelete: access.bucket.delete.filter((area) => !(bucket?.delete ?? []).includes(area)),
      queues: access.queues.filter((queue) => !(queues ?? []).includes(queue as never)),
    };
    expect({ key, undeclared }).toEqual({
      key,
      undeclared: { tableRead: false, tableWrite: false, indexes: [], partitions: [], bucketRead: [], bucketWrite: [], bucketDelete: [], queues: [] },
    });
  });
});
