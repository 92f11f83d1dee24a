/**
 * `npm run demo`: fills a running local e-Box (npm start) with institutions, two companies and a
 * few documents, through the public API only, so the portal has something to show. Sign in at
 * the portal as Anne Dupont, national number 85.07.30-033.28. Running it again adds nothing twice
 * (institutions and companies are replaced, documents carry externalIds).
 */
const BASE = process.env.EBOX_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const ANNE = { ssin: '85073003328', name: 'Anne Dupont' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% e-Box demo document\ntrailer <<>>\n%%EOF\n', 'latin1').toString('base64');

async function call(method: string, path: string, token: string | undefined, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const token = async (request: Record<string, string>) => String((await call('POST', '/local/token', undefined, request)).access_token);
const pdf = (fileName: string) => ({ fileName, mediaType: 'application/pdf', contentBase64: PDF });

async function main(): Promise<void> {
  const admin = await token({ clientId: 'demo-ops', scope: 'ebox/admin' });
  const senders = [
    {
      id: 'onss',
      client: 'onss-backoffice',
      body: {
        name: {
          fr: 'Office national de sécurité sociale',
          nl: 'Rijksdienst voor Sociale Zekerheid',
          de: 'Landesamt für soziale Sicherheit',
          en: 'National Social Security Office',
        },
        level: 'FEDERAL',
        acceptsMessages: true,
        documentTypes: [
          { code: 'DMFA_NOTICE', name: { fr: 'Avis DmfA', nl: 'DmfA-bericht', de: 'DmfA-Mitteilung', en: 'DmfA notice' }, validityDays: 180 },
          { code: 'REMINDER', name: { fr: 'Rappel', nl: 'Herinnering', de: 'Mahnung', en: 'Reminder' }, validityDays: 30 },
        ],
      },
    },
    {
      id: 'spf-finances',
      client: 'finances-backoffice',
      body: {
        name: { fr: 'SPF Finances', nl: 'FOD Financiën', de: 'FÖD Finanzen', en: 'FPS Finance' },
        level: 'FEDERAL',
        acceptsMessages: false,
        documentTypes: [
          {
            code: 'TAX_NOTICE',
            name: { fr: 'Avertissement-extrait de rôle', nl: 'Aanslagbiljet', de: 'Steuerbescheid', en: 'Tax assessment' },
            validityDays: 365,
          },
        ],
      },
    },
    {
      id: 'leefmilieu-brussel',
      client: 'environment-backoffice',
      body: {
        name: { fr: 'Bruxelles Environnement', nl: 'Leefmilieu Brussel' },
        level: 'REGIONAL',
        acceptsMessages: true,
        documentTypes: [{ code: 'PERMIT', name: { fr: 'Permis d’environnement', nl: 'Milieuvergunning' }, validityDays: 730 }],
      },
    },
    {
      id: 'ville-de-namur',
      client: 'namur-backoffice',
      body: {
        name: { fr: 'Ville de Namur' },
        level: 'LOCAL',
        acceptsMessages: false,
        documentTypes: [{ code: 'LOCAL_TAX', name: { fr: 'Taxe communale' }, validityDays: 90 }],
      },
    },
  ];
  for (const sender of senders) {
    await call('PUT', `/v1/admin/senders/${sender.id}`, admin, sender.body);
    await call('PUT', `/v1/admin/clients/${sender.client}`, admin, { senderId: sender.id });
  }
  await call('PUT', '/v1/admin/enterprises/0123456749', admin, {
    name: 'ACME Belgium',
    notificationEmail: 'info@acme.example',
    language: 'fr',
    accessManagers: [ANNE],
  });
  await call('PUT', '/v1/admin/enterprises/0403170701', admin, {
    name: 'Brasserie du Parc',
    notificationEmail: 'contact@brasserie.example',
    language: 'nl',
    accessManagers: [ANNE],
  });

  const publish = async (client: string, body: Record<string, unknown>) =>
    call('POST', '/v1/messages', await token({ clientId: client, scope: 'ebox/publish' }), body);
  await publish('finances-backoffice', {
    recipient: '0123456749',
    documentType: 'TAX_NOTICE',
    externalId: 'DEMO-AER-2026',
    registered: true,
    subject: { fr: 'Avertissement-extrait de rôle 2026', nl: 'Aanslagbiljet 2026' },
    body: {
      fr: 'Veuillez trouver ci-joint votre avertissement-extrait de rôle pour l’exercice 2026.',
      nl: 'In bijlage vindt u uw aanslagbiljet voor het aanslagjaar 2026.',
    },
    attachments: [pdf('avertissement-2026.pdf')],
  });
  await publish('onss-backoffice', {
    recipient: '0123456749',
    documentType: 'DMFA_NOTICE',
    externalId: 'DEMO-DMFA-Q3',
    replyable: true,
    subject: { fr: 'Déclaration DmfA du 3e trimestre', nl: 'DmfA-aangifte 3de kwartaal', en: 'DmfA return, third quarter' },
    body: {
      fr: 'Votre déclaration a bien été reçue. Pouvez-vous confirmer le nombre de travailleurs occupés ?',
      en: 'Your return was received. Can you confirm your headcount?',
    },
    attachments: [pdf('dmfa-q3.pdf'), pdf('annexe-travailleurs.pdf')],
  });
  await publish('onss-backoffice', {
    recipient: '0123456749',
    documentType: 'REMINDER',
    externalId: 'DEMO-REMINDER-Q3',
    validityDays: 10,
    subject: { nl: 'Herinnering: bijdragen 3de kwartaal', fr: 'Rappel : cotisations du 3e trimestre' },
    body: { nl: 'Gelieve de bijdragen voor het derde kwartaal te betalen.', fr: 'Veuillez payer les cotisations du troisième trimestre.' },
  });
  await publish('onss-backoffice', {
    recipient: '0403170701',
    documentType: 'DMFA_NOTICE',
    externalId: 'DEMO-DMFA-BRASSERIE',
    subject: { nl: 'DmfA-aangifte ontvangen', fr: 'Déclaration DmfA reçue' },
    attachments: [pdf('ontvangstbewijs.pdf')],
  });
  console.log(`Demo data is in. Open ${BASE}/ and sign in as ${ANNE.name}, national number 85.07.30-033.28.`);
}

main().catch((error: unknown) => {
  console.error(`Could not load the demo data (is npm start running on ${BASE}?): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
