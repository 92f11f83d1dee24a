import type { Browser } from 'playwright-core';
import { call } from '../integration/support/api';
import { adminToken, randomEnterpriseNumber, randomSsin } from '../integration/support/fixtures';
import { checkPage, launch, newContext, signInAs, watchErrors } from './support/browser';

/**
 * Who sees what after signing in: a person with several companies chooses one, a person without
 * any grant is told how to get access, and signing out forgets the session.
 */
jest.setTimeout(90_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

it('a person with several companies chooses one; the tokens stay out of localStorage', async () => {
  const person = { ssin: randomSsin(), name: 'Chloé Comptable' };
  const admin = await adminToken();
  const companies = [
    { enterpriseNumber: randomEnterpriseNumber(), name: 'Atelier Lumière' },
    { enterpriseNumber: randomEnterpriseNumber(), name: 'Boulangerie Dupuis' },
  ];
  for (const company of companies) {
    const registered = await call('PUT', `/v1/admin/enterprises/${company.enterpriseNumber}`, {
      token: admin,
      body: { name: company.name, language: 'fr', accessManagers: [person] },
    });
    expect(registered.status).toBe(200);
  }
  const context = await newContext(browser, { locale: 'fr-BE' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Se connecter avec eID ou itsme' }).click();
  await signInAs(page, person);
  await page.getByRole('heading', { level: 1, name: 'Choisissez une entreprise' }).waitFor();
  await checkPage(page, 'session-01-chooser');
  await expect(
    page.evaluate(() => Object.keys(localStorage).filter((key) => /token|session/i.test(key) || /eyJ/.test(localStorage.getItem(key) ?? ''))),
  ).resolves.toEqual([]);

  await page.getByRole('link', { name: 'Boulangerie Dupuis' }).click();
  await page.waitForURL(`**/enterprises/${companies[1]?.enterpriseNumber}/messages`);
  await page.getByText('Aucun document pour l’instant').waitFor();
  await checkPage(page, 'session-02-empty-inbox');
  await page.getByRole('link', { name: 'Autre entreprise' }).click();
  await page.getByRole('heading', { level: 1, name: 'Choisissez une entreprise' }).waitFor();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vous êtes déconnecté·e' }).waitFor();
  await checkPage(page, 'session-03-signed-out');
  await expect(page.evaluate(() => sessionStorage.getItem('ebox.session'))).resolves.toBeNull();
  // Signed out, a company page asks to sign in again.
  await page.goto(`/enterprises/${companies[0]?.enterpriseNumber}/messages`);
  await page.waitForURL(/\/local\/authorize/);
  expect(errors).toEqual([]);
  await context.close();
});

it('a person without any grant is told how to get access', async () => {
  const stranger = { ssin: randomSsin(true), name: 'Sam Sansaccès' };
  const context = await newContext(browser, { locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in with eID or itsme' }).click();
  await signInAs(page, stranger);
  await page.getByRole('heading', { level: 1, name: 'You have no access to an e-Box yet' }).waitFor();
  const formatted = `${stranger.ssin.slice(0, 2)}.${stranger.ssin.slice(2, 4)}.${stranger.ssin.slice(4, 6)}-${stranger.ssin.slice(6, 9)}.${stranger.ssin.slice(9)}`;
  await page.getByText(formatted, { exact: false }).waitFor();
  await checkPage(page, 'session-04-no-access');
  await context.close();
});

it('an unknown address is a page that says so', async () => {
  const context = await newContext(browser, { locale: 'nl-BE' });
  const page = await context.newPage();
  await page.goto('/nowhere/to/be/found');
  await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
  await checkPage(page, 'session-05-not-found');
  await context.close();
});
