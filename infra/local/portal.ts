import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PORTAL_SECURITY_HEADERS, portalContentSecurityPolicy } from '../portal-headers';

/** What the local runtime needs of the built portal: its files and how to answer a GET. */
export interface LocalPortal {
  /** Gzipped size of the JavaScript the first page loads (the budget is 100 kB). */
  initialJsGzipBytes: number;
  files: number;
  /** The portal's answer to a GET, or undefined when the path is not the portal's. */
  serve(pathname: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer } | undefined>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Builds the portal (web/) with Vite into a folder of its own and serves it the way CloudFront
 * does in AWS: files by path, and index.html for every other path (deep links such as
 * /enterprises/{n}/messages/{id}), with the same security headers. `config` becomes /config.json.
 */
export async function buildLocalPortal(config: Readonly<Record<string, string>>): Promise<LocalPortal> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'ebox-portal-'));
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web/vite.config.mts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const files = await listFiles(outDir);
  const index = await readFile(path.join(outDir, 'index.html'));
  const configBody = Buffer.from(JSON.stringify(config));
  // The issuer is on localhost: a portal opened on 127.0.0.1 must still be allowed to call it.
  const security = { ...PORTAL_SECURITY_HEADERS, 'Content-Security-Policy': portalContentSecurityPolicy(config.issuer ? [new URL(config.issuer).origin] : []) };
  return {
    initialJsGzipBytes: await initialJsGzipBytes(outDir),
    files: files.length,
    async serve(pathname) {
      if (pathname === '/config.json') return { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, body: configBody };
      const file = path.normalize(path.join(outDir, decodeURIComponent(pathname)));
      const inside = file.startsWith(`${outDir}${path.sep}`) && !file.includes(`${path.sep}.vite`);
      if (inside && (await isFile(file))) {
        const hashed = pathname.startsWith('/assets/');
        return {
          status: 200,
          headers: {
            ...security,
            'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          },
          body: await readFile(file),
        };
      }
      // A path with an extension that is not there is a missing file, not a page.
      if (path.extname(pathname)) return undefined;
      return { status: 200, headers: { ...security, 'Content-Type': TYPES['.html'] ?? 'text/html', 'Cache-Control': 'no-cache' }, body: index };
    },
    stop: () => rm(outDir, { recursive: true, force: true }),
  };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The entry chunk and every chunk it imports statically, from Vite's manifest, gzipped. */
export async function initialJsGzipBytes(outDir: string): Promise<number> {
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; imports?: string[] }
  >;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let total = 0;
  for (const key of seen) {
    const file = manifest[key]?.file;
    if (file?.endsWith('.js')) total += gzipSync(await readFile(path.join(outDir, file)), { level: 9 }).length;
  }
  return total;
}
