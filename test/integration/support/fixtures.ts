import { randomInt, randomUUID } from 'node:crypto';
import { call, clientToken, personToken } from './api';

/** Test data with real check digits, unique per test so files never see each other's data. */
export function randomEnterpriseNumber(): string {
  const base = randomInt(10_000_000, 19_999_999); // 8 digits, first digit 1 (0 is covered by fixed cases)
  const check = 97 - (base % 97);
  return `${base}`.padStart(8, '0') + `${check}`.padStart(2, '0');
}

/** An SSIN of someone born in the 1980s (old rule) or from 2000 (the "2" prefix rule). */
export function randomSsin(bornFrom2000 = false): string {
  const year = bornFrom2000 ? randomInt(0, 20) : randomInt(60, 99);
  const base =
    `${year}`.padStart(2, '0') + `${randomInt(1, 12)}`.padStart(2, '0') + `${randomInt(1, 28)}`.padStart(2, '0') + `${randomInt(1, 997)}`.padStart(3, '0');
  const check = 97 - ((bornFrom2000 ? 2_000_000_000 + Number(base) : Number(base)) % 97);
  return base + `${check}`.padStart(2, '0');
}

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A tiny but real PDF (valid signature and trailer). */
export function samplePdf(text = 'e-Box test document'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\n% ${text}\ntrailer <<>>\n%%EOF\n`, 'latin1');
}

export const adminToken = () => clientToken(uniqueId('ops'), 'ebox/admin');

export interface SenderSetup {
  senderId: string;
  clientId: string;
  token: string;
}

/** Registers an institution with TAX_NOTICE (180 days) and REMINDER (30 days), and its back office client. */
export async function setupSender(options: { acceptsMessages?: boolean; admin?: string } = {}): Promise<SenderSetup> {
  const admin = options.admin ?? (await adminToken());
  const senderId = uniqueId('sender');
  const clientId = uniqueId('backoffice');
  const sender = await call('PUT', `/v1/admin/senders/${senderId}`, {
    token: admin,
    body: {
      name: { fr: `Institution ${senderId}`, nl: `Instelling ${senderId}` },
      level: 'FEDERAL',
      acceptsMessages: options.acceptsMessages ?? true,
      documentTypes: [
        { code: 'TAX_NOTICE', name: { fr: "Avis d'imposition", nl: 'Aanslagbiljet' }, validityDays: 180 },
        { code: 'REMINDER', name: { fr: 'Rappel', nl: 'Herinnering' }, validityDays: 30 },
      ],
    },
  });
  if (sender.status !== 200) throw new Error(`sender: ${sender.status} ${JSON.stringify(sender.body)}`);
  const client = await call('PUT', `/v1/admin/clients/${clientId}`, { token: admin, body: { senderId } });
  if (client.status !== 200) throw new Error(`client: ${client.status} ${JSON.stringify(client.body)}`);
  return { senderId, clientId, token: await clientToken(clientId, 'ebox/publish') };
}

export interface EnterpriseSetup {
  enterpriseNumber: string;
  manager: { ssin: string; name: string; token: string };
  email: string;
}

/** Registers a company with one access manager and a notification email. */
export async function setupEnterprise(options: { language?: 'fr' | 'nl' | 'de' | 'en'; email?: string | null; admin?: string } = {}): Promise<EnterpriseSetup> {
  const admin = options.admin ?? (await adminToken());
  const enterpriseNumber = randomEnterpriseNumber();
  const manager = { ssin: randomSsin(), name: 'Anne Manager' };
  const email = options.email === null ? undefined : (options.email ?? `${uniqueId('info')}@example.be`);
  const response = await call('PUT', `/v1/admin/enterprises/${enterpriseNumber}`, {
    token: admin,
    body: {
      name: `Company ${enterpriseNumber}`,
      ...(email ? { notificationEmail: email } : {}),
      language: options.language ?? 'fr',
      accessManagers: [manager],
    },
  });
  if (response.status !== 200) throw new Error(`enterprise: ${response.status} ${JSON.stringify(response.body)}`);
  return { enterpriseNumber, email: email ?? '', manager: { ...manager, token: await personToken(manager.ssin, manager.name) } };
}

/** Publishes one message with one inline PDF; returns the sender view. */
export async function publish(sender: SenderSetup, recipient: string, overrides: Record<string, unknown> = {}) {
  const response = await call<{ messageId: string; attachments: Array<{ attachmentId: string; sha256: string }> }>('POST', '/v1/messages', {
    token: sender.token,
    body: {
      recipient,
      documentType: 'TAX_NOTICE',
      subject: { fr: `Avis ${uniqueId('s')}` },
      attachments: [{ fileName: 'avis.pdf', mediaType: 'application/pdf', contentBase64: samplePdf().toString('base64') }],
      ...overrides,
    },
  });
  if (response.status !== 201) throw new Error(`publish: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
