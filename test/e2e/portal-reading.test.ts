import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { call } from '../integration/support/api';
import { publish, samplePdf, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from '../integration/support/fixtures';
import { checkPage, launch, newContext, PORTAL, signInAs, watchErrors } from './support/browser';

/**
 * A person of a company signs in, finds a new document, opens it, downloads its PDF, and the
 * document is read; the portal speaks their language, follows email links, works with the
 * keyboard alone and at 375 px wide.
 */
jest.setTimeout(90_000);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let sender: SenderSetup;
let company: EnterpriseSetup;
let message: { messageId: string; attachments: Array<{ attachmentId: string }> };
const pdf = samplePdf('e2e reading: avis de cotisation');
const subject = 'Avis de cotisation 2026';

beforeAll(async () => {
  browser = await launch();
  [sender, company] = await Promise.all([setupSender(), setupEnterprise({ language: 'fr' })]);
  message = await publish(sender, company.enterpriseNumber, {
    subject: { fr: subject, nl: 'Bijdragebericht 2026' },
    body: { fr: 'Veuillez trouver votre avis de cotisation en annexe.' },
    registered: true,
    attachments: [{ fileName: 'avis-cotisation.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64') }],
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await newContext(browser, { locale: 'fr-BE' });
  page = await context.newPage();
  errors = watchErrors(page);
});

afterEach(async () => {
  expect(errors).toEqual([]);
  await context.close();
});

it('signs in with eID/itsme (the local stand-in), lands in the inbox of the one company, reads and downloads a document', async () => {
  await page.goto('/');
  await checkPage(page, 'reading-01-landing-fr');
  await page.getByRole('button', { name: 'Se connecter avec eID ou itsme' }).click();
  await page.waitForURL(/\/local\/authorize/);
  await checkPage(page, 'reading-02-sign-in');
  await signInAs(page, company.manager);

  await page.waitForURL(`**/enterprises/${company.enterpriseNumber}/messages`);
  await page.getByRole('heading', { level: 1, name: 'Boîte de réception' }).waitFor();
  await page.getByText('1 document non lu').first().waitFor();
  const row = page.getByRole('row').filter({ hasText: subject });
  await row.getByText('Non lu').waitFor();
  await row.getByText('Recommandé').waitFor();
  await checkPage(page, 'reading-03-inbox-fr');

  await row.getByRole('link', { name: subject }).click();
  await page.waitForURL(`**/messages/${message.messageId}`);
  await page.getByRole('heading', { level: 1, name: subject }).waitFor();
  await page.getByRole('heading', { name: 'Envoi recommandé' }).waitFor();
  await checkPage(page, 'reading-04-message-fr');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Télécharger avis-cotisation\.pdf/ }).click()]);
  expect(download.suggestedFilename()).toBe('avis-cotisation.pdf');
  expect(await readFile(await download.path())).toEqual(pdf);

  // Opening it marked it read, for the company and for the institution (its proof of receipt).
  const stored = await call<{ read: boolean; readAt?: string }>('GET', `/v1/enterprises/${company.enterpriseNumber}/messages?read=true`, {
    token: company.manager.token,
  });
  expect(JSON.stringify(stored.body)).toContain(message.messageId);
  const sent = await call<{ status: string; firstReadAt?: string }>('GET', `/v1/messages/${message.messageId}`, { token: sender.token });
  expect(sent.body.status).toBe('READ');
  await page.getByRole('link', { name: /Retour à la boîte de réception/ }).click();
  await page.getByRole('row').filter({ hasText: subject }).getByText('Lu', { exact: true }).waitFor();
  await page.getByText('Aucun document non lu').first().waitFor();
});

it('follows the link of a notification email to the message, after signing in', async () => {
  await page.goto(`${PORTAL}/enterprises/${company.enterpriseNumber}/messages/${message.messageId}`);
  await page.waitForURL(/\/local\/authorize/);
  await signInAs(page, company.manager);
  await page.waitForURL(`**/enterprises/${company.enterpriseNumber}/messages/${message.messageId}`);
  await page.getByRole('heading', { level: 1, name: subject }).waitFor();
});

it('speaks the browser’s language, can be switched, and <html lang> follows', async () => {
  const dutch = await newContext(browser, { locale: 'nl-BE' });
  const nlPage = await dutch.newPage();
  await nlPage.goto('/');
  await nlPage.getByRole('button', { name: 'Aanmelden met eID of itsme' }).waitFor();
  await expect(nlPage.locator('html').getAttribute('lang')).resolves.toBe('nl');
  await nlPage.getByRole('button', { name: 'Aanmelden met eID of itsme' }).click();
  await signInAs(nlPage, company.manager);
  await nlPage.waitForURL('**/messages');
  await nlPage.getByRole('row').filter({ hasText: 'Bijdragebericht 2026' }).waitFor();
  await checkPage(nlPage, 'reading-05-inbox-nl');
  for (const [code, heading] of [
    ['Deutsch', 'Posteingang'],
    ['English', 'Inbox'],
    ['Français', 'Boîte de réception'],
  ] as const) {
    await nlPage.getByRole('button', { name: code }).click();
    await nlPage.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expect(nlPage.locator('html').getAttribute('lang')).resolves.toBe({ Deutsch: 'de', English: 'en', Français: 'fr' }[code]);
  }
  // A subject given in French and Dutch only falls back to French in German, marked as French.
  await nlPage.getByRole('button', { name: 'Deutsch' }).click();
  await nlPage.locator('span[lang="fr"]', { hasText: subject }).waitFor();
  await checkPage(nlPage, 'reading-06-inbox-de');
  await dutch.close();
});

/** Presses Tab until `target` has the focus (fails after 40 presses: it cannot be reached). */
async function tabTo(on: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let press = 0; press < 40; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await on.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}

it('works with the keyboard alone: sign in, open the message, come back', async () => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Se connecter avec eID ou itsme' }).waitFor();
  // The first thing the keyboard reaches in the page is the link to skip to the content.
  await expect(page.evaluate(() => document.querySelector('a[href], button, input, select, textarea')?.textContent)).resolves.toBe(
    'Aller au contenu principal',
  );
  await tabTo(page, page.getByRole('button', { name: 'Se connecter avec eID ou itsme' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/local\/authorize/);
  await tabTo(page, page.getByLabel('National number (SSIN)'));
  await page.keyboard.type(company.manager.ssin);
  await page.keyboard.press('Tab');
  await page.keyboard.type(company.manager.name);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/messages');
  const link = page.getByRole('link', { name: subject });
  await tabTo(page, link);
  // The focus is visible: the focused link has an outline.
  await expect(link.evaluate((element) => getComputedStyle(element).outlineStyle)).resolves.not.toBe('none');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: subject }).waitFor();
  // The new page's heading has the focus, so reading starts there.
  await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
});

it('fits a 375 px wide screen without sideways scrolling', async () => {
  const phone = await newContext(browser, { locale: 'fr-BE', width: 375 });
  const small = await phone.newPage();
  await small.goto(`/enterprises/${company.enterpriseNumber}/messages`);
  await signInAs(small, company.manager);
  await small.waitForURL('**/messages');
  await small.getByRole('link', { name: subject }).waitFor();
  await expect(small.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
  await checkPage(small, 'reading-07-inbox-375');
  await small.getByRole('link', { name: subject }).click();
  await small.getByRole('heading', { level: 1, name: subject }).waitFor();
  await expect(small.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
  await checkPage(small, 'reading-08-message-375');
  await phone.close();
});
