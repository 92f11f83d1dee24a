import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { initialJsGzipBytes } from '../../infra/local/portal';

/**
 * The portal's budget: the JavaScript the first page loads (the entry chunk and what it imports
 * statically) stays under 100 kB gzipped, so it opens fast on a slow connection.
 */
const BUDGET_BYTES = 100 * 1024;
const ROOT = path.resolve(__dirname, '../..');

describe('the portal build', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'ebox-portal-budget-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it(`loads at most ${BUDGET_BYTES / 1024} kB of gzipped JavaScript on the first page`, async () => {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, stdio: 'pipe' },
    );
    const bytes = await initialJsGzipBytes(outDir);
    console.info(`portal: the first page loads ${(bytes / 1024).toFixed(1)} kB of gzipped JavaScript (budget ${BUDGET_BYTES / 1024} kB)`);
    expect(bytes).toBeGreaterThan(10 * 1024); // the app itself is there, not an empty shell
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  }, 60_000);
});
