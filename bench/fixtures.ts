import type { Api, ApiClient } from './api';

/** The institutions, companies and documents the measurements use, made through the API. */
export interface Institution {
  senderId: string;
  token: string;
}

export interface Company {
  enterpriseNumber: string;
  token: string;
}

/** A valid enterprise number (mod-97 check digits) for each index: the same on every run. */
export function enterpriseNumber(index: number): string {
  const base = 10_000_000 + index;
  return `${base}${`${97 - (base % 97)}`.padStart(2, '0')}`;
}

/** A valid SSIN of someone born in 1985, one per index. */
function ssin(index: number): string {
  const base = `850730${`${(index % 997) + 1}`.padStart(3, '0')}`;
  return base + `${97 - (Number(base) % 97)}`.padStart(2, '0');
}

/** A PDF of `bytes` bytes: the signature, padding, a trailer. */
export function pdfOf(bytes: number): Buffer {
  const head = '%PDF-1.4\n';
  const tail = '\n%%EOF\n';
  return Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, bytes - head.length - tail.length), 0x20), Buffer.from(tail)]);
}

/**
 * A PDF as a publication carries it: base64 in a JSON string, encoded once. The client runs in the
 * benchmark's process, so encoding it for every request would count against the e-Box.
 */
export interface InlinePdf {
  readonly json: Buffer;
}

export const inlinePdf = (bytes: number): InlinePdf => ({ json: Buffer.from(JSON.stringify(pdfOf(bytes).toString('base64'))) });

export async function institution(api: Api, admin: string, senderId: string): Promise<Institution> {
  await api.expect(200, 'PUT', `/v1/admin/senders/${senderId}`, admin, {
    name: { fr: `Institution ${senderId}` },
    level: 'FEDERAL',
    acceptsMessages: true,
    documentTypes: [{ code: 'TAX_NOTICE', name: { fr: 'Avis' }, validityDays: 180 }],
  });
  const clientId = `${senderId}-backoffice`;
  await api.expect(200, 'PUT', `/v1/admin/clients/${clientId}`, admin, { senderId });
  return { senderId, token: await api.token({ clientId, scope: 'ebox/publish' }) };
}

/** A company with one access manager, whose token reads its e-Box. */
export async function company(api: Api, admin: string, index: number): Promise<Company> {
  const number = enterpriseNumber(index);
  const manager = { ssin: ssin(index), name: 'Anne Bench' };
  await api.expect(200, 'PUT', `/v1/admin/enterprises/${number}`, admin, {
    name: `Company ${number}`,
    notificationEmail: `info-${number}@bench.example`,
    language: 'fr',
    accessManagers: [manager],
  });
  return { enterpriseNumber: number, token: await api.token(manager) };
}

export interface Published {
  messageId: string;
  attachments: Array<{ attachmentId: string }>;
}

export function publish(api: ApiClient, from: Institution, to: string, externalId: string, pdf?: InlinePdf): Promise<Published> {
  const fields = { recipient: to, documentType: 'TAX_NOTICE', subject: { fr: `Avis ${externalId}` }, externalId };
  if (!pdf) return api.expect<Published>(201, 'POST', '/v1/messages', from.token, { ...fields, body: { fr: 'Bench.' } });
  // The JSON of the fields, then the attachment around the PDF's JSON string, as bytes.
  const body = Buffer.concat([
    Buffer.from(`${JSON.stringify(fields).slice(0, -1)},"attachments":[{"fileName":"avis.pdf","mediaType":"application/pdf","contentBase64":`),
    pdf.json,
    Buffer.from('}]}'),
  ]);
  return api.expect<Published>(201, 'POST', '/v1/messages', from.token, body);
}

/** Runs `task` for 0…count-1, `concurrency` at a time. */
export async function inParallel(count: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}
