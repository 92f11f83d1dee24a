import type { Browser } from 'playwright-core';
import { call } from '../integration/support/api';
import { publish, setupEnterprise, setupSender } from '../integration/support/fixtures';
import { checkPage, launch, newContext, signInAs, watchErrors } from './support/browser';

/**
 * After the document's validity ends (the local clock moved forward), its page says it was
 * deleted automatically, and when. The session that began before the move has expired on the
 * moved clock: the portal signs the person in again and comes back to the same page.
 */
jest.setTimeout(90_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

it('shows a 410 as "deleted automatically on <date>", before and after TTL removed it', async () => {
  const [sender, company] = await Promise.all([setupSender(), setupEnterprise({ language: 'de' })]);
  const message = (await publish(sender, company.enterpriseNumber, {
    documentType: 'REMINDER',
    validityDays: 1,
    subject: { de: 'Zahlungserinnerung' },
  })) as unknown as { messageId: string; expiresAt: string };
  const context = await newContext(browser, { locale: 'de-BE' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const messagePath = `/enterprises/${company.enterpriseNumber}/messages/${message.messageId}`;
  await page.goto(messagePath);
  await signInAs(page, company.manager);
  await page.getByRole('heading', { level: 1, name: 'Zahlungserinnerung' }).waitFor();

  expect((await call('POST', '/local/clock', { body: { advanceDays: 2 } })).status).toBe(200);
  await page.goto(messagePath);
  // The token of this session is an hour old on the moved clock: the API refuses it and the portal signs in again.
  await page.waitForURL(/\/local\/authorize/);
  await signInAs(page, company.manager);
  await page.waitForURL(`**${messagePath}`);
  await page.getByRole('heading', { level: 1, name: 'Dieses Dokument wurde gelöscht' }).waitFor();
  const expiredOn = new Intl.DateTimeFormat('de-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(
    new Date(message.expiresAt),
  );
  await page.getByText(`Es ist am ${expiredOn} abgelaufen.`).waitFor();
  await checkPage(page, 'expiry-01-gone-de');
  // Gone from the inbox too.
  await page.getByRole('link', { name: /Zurück zum Posteingang/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Posteingang' }).waitFor();
  expect(await page.getByRole('link', { name: 'Zahlungserinnerung' }).count()).toBe(0);

  expect((await call('POST', '/local/jobs/ttl')).status).toBe(200);
  expect((await call('POST', '/local/jobs/stream')).status).toBe(200);
  await page.goto(messagePath);
  await page.getByRole('heading', { level: 1, name: 'Dieses Dokument wurde gelöscht' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
