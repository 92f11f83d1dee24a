import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { call } from '../integration/support/api';
import { publish, samplePdf, setupEnterprise, setupSender, type EnterpriseSetup, type SenderSetup } from '../integration/support/fixtures';
import { checkPage, launch, newContext, signInAs, watchErrors } from './support/browser';

/** A company answers a message with a PDF and writes to an institution; the institution receives both. */
jest.setTimeout(90_000);

interface Received {
  id: string;
  inReplyTo?: string;
  subject?: string;
  body: string;
  attachments: Array<{ fileName: string; sha256: string }>;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let institution: SenderSetup;
let company: EnterpriseSetup;
const files = mkdtempSync(path.join(tmpdir(), 'ebox-e2e-'));
const file = (name: string, bytes: Buffer) => {
  const target = path.join(files, name);
  writeFileSync(target, bytes);
  return target;
};

beforeAll(async () => {
  browser = await launch();
  [institution, company] = await Promise.all([setupSender({ acceptsMessages: true }), setupEnterprise({ language: 'en' })]);
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await newContext(browser, { locale: 'en-GB' });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(`/enterprises/${company.enterpriseNumber}/messages`);
  await signInAs(page, company.manager);
  await page.waitForURL('**/messages');
});

afterEach(async () => {
  expect(errors).toEqual([]);
  await context.close();
});

it('replies to a replyable message with a PDF; the institution receives it', async () => {
  const { messageId } = await publish(institution, company.enterpriseNumber, {
    subject: { en: 'Please confirm your headcount' },
    body: { en: 'How many employees?' },
    replyable: true,
  });
  await page.goto(`/enterprises/${company.enterpriseNumber}/messages/${messageId}`);
  await page.getByRole('heading', { level: 1, name: 'Please confirm your headcount' }).waitFor();

  // Refusals first: an empty reply, and a file that is not a PDF, are explained next to their field.
  await page.getByRole('button', { name: 'Send the reply' }).click();
  await page.getByRole('alert').filter({ hasText: 'Please correct the following' }).waitFor();
  await page.getByText('Fill in this field.').first().waitFor();
  await page.getByLabel(/PDF documents/).setInputFiles(file('notes.txt', Buffer.from('plain text')));
  await page.getByText('notes.txt is not a PDF file.').first().waitFor();
  await checkPage(page, 'writing-01-reply-errors');

  const pdf = samplePdf('headcount');
  await page.getByLabel('Your reply').fill('We employ 42 people; the list is attached.');
  await page.getByLabel(/PDF documents/).setInputFiles(file('headcount.pdf', pdf));
  await page.getByRole('button', { name: 'Send the reply' }).click();
  await page.getByText('Your reply has been sent.').waitFor();
  await page.getByRole('heading', { name: 'Your replies' }).waitFor();
  await checkPage(page, 'writing-02-replied');

  const received = await call<{ items: Received[] }>('GET', '/v1/received', { token: institution.token });
  const reply = received.body.items.find((item) => item.inReplyTo === messageId);
  expect(reply).toMatchObject({ body: 'We employ 42 people; the list is attached.', attachments: [{ fileName: 'headcount.pdf' }] });
});

it('writes to an institution that accepts messages', async () => {
  await page.getByRole('link', { name: 'Sent messages' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sent messages' }).waitFor();
  await page.getByLabel('Institution', { exact: true }).selectOption(institution.senderId);
  await page.getByLabel('Subject', { exact: true }).fill('Change of address');
  await page.getByLabel('Message', { exact: true }).fill('Our head office moves on 1 March.');
  await page.getByLabel(/PDF documents/).setInputFiles(file('statutes.pdf', samplePdf('statutes')));
  await page.getByRole('button', { name: 'Send the message' }).click();
  await page.getByText(/Your message has been sent to/).waitFor();
  await page.getByRole('row').filter({ hasText: 'Change of address' }).waitFor();
  await checkPage(page, 'writing-03-sent');

  const received = await call<{ items: Received[] }>('GET', '/v1/received', { token: institution.token });
  expect(received.body.items.find((item) => item.subject === 'Change of address')).toMatchObject({
    body: 'Our head office moves on 1 March.',
    attachments: [{ fileName: 'statutes.pdf' }],
  });
});

it('lists the senders by level, with how long each document type stays', async () => {
  await page.getByRole('link', { name: 'Senders' }).click();
  await page.getByRole('heading', { level: 1, name: 'Senders' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Federal institutions' }).waitFor();
  const card = page.locator('.card').filter({ hasText: `Institution ${institution.senderId}` });
  await card.getByRole('row').filter({ hasText: '180 days' }).waitFor();
  await checkPage(page, 'writing-04-senders');
});
