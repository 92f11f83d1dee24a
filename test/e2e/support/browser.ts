import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by Playwright (its own browser downloads are impossible here), the
 * portal on the local runtime's origin, axe-core on every page, screenshots kept as artifacts.
 */
const ROOT = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.join(ROOT, '.local-data/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The portal's address: `localhost`, the origin the local OpenID issuer registered. */
export const PORTAL = (process.env.EBOX_URL ?? 'http://127.0.0.1:3000').replace('127.0.0.1', 'localhost');

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As root in a container, without the network Chromium reaches for in the background.
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, options: { locale?: string; width?: number } = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: options.locale ?? 'fr-BE',
    viewport: { width: options.width ?? 1280, height: 900 },
    acceptDownloads: true,
    baseURL: PORTAL,
  });
}

/** Fails the test on a script error in the page, which would otherwise go unnoticed. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * axe-core on the page as it is now (WCAG 2.1 A and AA rules): no serious or critical violation.
 * The screenshot of the same moment is kept under .local-data/e2e/.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  expect({ page: name, violations: blocking }).toEqual({ page: name, violations: [] });
}

/** The sign-in page that stands in for eID/itsme: fills the SSIN and name, and signs in. */
export async function signInAs(page: Page, person: { ssin: string; name: string }): Promise<void> {
  await page.getByLabel('National number (SSIN)').fill(person.ssin);
  await page.getByLabel('Name').fill(person.name);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
