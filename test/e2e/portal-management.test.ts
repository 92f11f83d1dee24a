import type { Browser, BrowserContext, Page } from 'playwright-core';
import { call, personToken } from '../integration/support/api';
import { randomSsin, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from '../integration/support/fixtures';
import { checkPage, launch, newContext, signInAs, watchErrors } from './support/browser';

/**
 * "Gestion de l'e-Box": the company's email and consent (which institutions see), and, for an
 * access manager, giving a colleague access and taking it back (refused at once).
 */
jest.setTimeout(90_000);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let institution: SenderSetup;
let company: EnterpriseSetup;

beforeAll(async () => {
  browser = await launch();
  [institution, company] = await Promise.all([setupSender(), setupEnterprise({ language: 'fr' })]);
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await newContext(browser, { locale: 'fr-BE' });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(`/enterprises/${company.enterpriseNumber}/manage`);
  await signInAs(page, company.manager);
  await page.getByRole('heading', { level: 1, name: 'Gestion de l’e-Box' }).waitFor();
});

afterEach(async () => {
  expect(errors).toEqual([]);
  await context.close();
});

it('changes the notification email and gives the "everything digital" consent; an institution sees the consent', async () => {
  await checkPage(page, 'manage-01-fr');
  const email = page.getByLabel('Adresse e-mail de notification');
  await email.fill('pas une adresse');
  await page.getByRole('button', { name: 'Enregistrer les notifications' }).click();
  await page.getByText('Indiquez une adresse e-mail, par exemple info@entreprise.be.').first().waitFor();
  await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
  await checkPage(page, 'manage-02-email-error');

  await email.fill('comptabilite@acme.example');
  await page.getByLabel('Langue des e-mails').selectOption('nl');
  await page.getByRole('button', { name: 'Enregistrer les notifications' }).click();
  await page.getByText('Vos modifications ont été enregistrées.').first().waitFor();

  await page.getByLabel(/Notre entreprise souhaite recevoir via l’e-Box/).check();
  await page.getByRole('button', { name: 'Enregistrer l’accord' }).click();
  await page.getByText(/Accord donné le/).waitFor();

  const profile = await call<{ notificationEmail: string; language: string; digitalOnly: boolean }>('GET', `/v1/enterprises/${company.enterpriseNumber}`, {
    token: company.manager.token,
  });
  expect(profile.body).toMatchObject({ notificationEmail: 'comptabilite@acme.example', language: 'nl', digitalOnly: true });
  const preferences = await call<{ digitalOnly: boolean; digitalOnlySince?: string }>('GET', `/v1/enterprises/${company.enterpriseNumber}/preferences`, {
    token: institution.token,
  });
  expect(preferences.body).toMatchObject({ digitalOnly: true, digitalOnlySince: expect.any(String) });

  await page.reload();
  await page.getByRole('row').filter({ hasText: 'Accord donné' }).first().waitFor();
  await checkPage(page, 'manage-03-audit');
});

it('gives a colleague access, then revokes it after confirming: the colleague is refused at once', async () => {
  const colleague = { ssin: randomSsin(), name: 'Bruno Collègue' };
  await page.getByLabel('Numéro de registre national (NISS)').fill('12345678901');
  await page.getByLabel('Nom', { exact: true }).fill(colleague.name);
  await page.getByRole('button', { name: 'Donner accès' }).click();
  await page
    .getByText(/Indiquez un numéro de registre national valide/)
    .first()
    .waitFor();

  const typed = `${colleague.ssin.slice(0, 2)}.${colleague.ssin.slice(2, 4)}.${colleague.ssin.slice(4, 6)}-${colleague.ssin.slice(6, 9)}.${colleague.ssin.slice(9)}`;
  await page.getByLabel('Numéro de registre national (NISS)').fill(typed);
  await page.getByRole('button', { name: 'Donner accès' }).click();
  await page.getByText(`${colleague.name} a maintenant accès à l’e-Box.`).waitFor();
  const row = page.getByRole('row').filter({ hasText: colleague.name });
  await row.getByText('Utilisateur').waitFor();
  const colleagueToken = await personToken(colleague.ssin, colleague.name);
  expect((await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: colleagueToken })).status).toBe(200);

  await row.getByRole('button', { name: `Retirer l’accès de ${colleague.name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Retirer cet accès ?' });
  await dialog.waitFor();
  await checkPage(page, 'manage-04-revoke-dialog');
  // Escape cancels: nothing is revoked.
  await page.keyboard.press('Escape');
  await expect(dialog.isVisible()).resolves.toBe(false);
  expect((await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: colleagueToken })).status).toBe(200);

  await row.getByRole('button', { name: `Retirer l’accès de ${colleague.name}` }).click();
  await dialog.getByRole('button', { name: 'Retirer l’accès' }).click();
  await page.getByText(`${colleague.name} n’a plus accès.`).waitFor();
  await page.getByRole('row').filter({ hasText: colleague.name }).waitFor({ state: 'detached' });
  expect((await call('GET', `/v1/enterprises/${company.enterpriseNumber}/messages`, { token: colleagueToken })).status).toBe(403);
});

it('a user (not an access manager) sees the settings but not the access management', async () => {
  const user = { ssin: randomSsin(), name: 'Ursula Utilisatrice' };
  expect(
    (
      await call('PUT', `/v1/enterprises/${company.enterpriseNumber}/access/${user.ssin}`, {
        token: company.manager.token,
        body: { role: 'USER', name: user.name },
      })
    ).status,
  ).toBe(201);
  const other = await newContext(browser, { locale: 'fr-BE' });
  const userPage = await other.newPage();
  await userPage.goto(`/enterprises/${company.enterpriseNumber}/manage`);
  await signInAs(userPage, user);
  await userPage.getByRole('heading', { level: 1, name: 'Gestion de l’e-Box' }).waitFor();
  await userPage.getByText('Les gestionnaires d’accès de l’entreprise gèrent qui a accès.').waitFor();
  expect(await userPage.getByRole('heading', { name: 'Personnes ayant accès' }).count()).toBe(0);
  await checkPage(userPage, 'manage-05-user');
  await other.close();
});
