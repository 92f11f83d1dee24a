import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../../functions/routes';
import type { RouteHandler } from '../../shared/http/api-handler';
import type { RouteContract } from '../../shared/http/route-contract';

/**
 * One declaration per route: every route folder has a contract (route.ts), is in ROUTES, and its
 * handler is built from that very contract (so it validates and checks scopes as declared).
 */
const ROOT = path.resolve(__dirname, '../..');
const FAMILIES = ['admin', 'delivery', 'retrieval', 'access', 'health', 'openapi'];

const folders = FAMILIES.flatMap((family) =>
  readdirSync(path.join(ROOT, 'functions', family), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(ROOT, 'functions', family, entry.name, 'handler.ts')))
    .map((entry) => `${family}/${entry.name}`),
);

describe('route folders and their declarations', () => {
  it('finds the route folders', () => {
    expect(folders.length).toBe(ROUTES.length);
  });

  it.each(folders)('%s: has a route.ts, is listed in ROUTES, and its handler carries that contract', async (folder) => {
    const contract = ((await import(path.join(ROOT, 'functions', folder, 'route'))) as { route: RouteContract }).route;
    const handler = ((await import(path.join(ROOT, 'functions', folder, 'handler'))) as { handler: RouteHandler }).handler;
    expect(handler.contract).toBe(contract);
    const listed = ROUTES.filter((route) => route.handler === `functions/${folder}/handler.ts`);
    expect(listed).toEqual([expect.objectContaining({ method: contract.method, path: contract.path, auth: contract.security === 'public' ? 'none' : 'jwt' })]);
  });

  it('declares each method and path once', () => {
    const keys = ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('public routes touch nothing but the health check’s absent keys; every route behind a token reads the table (authorisation is a lookup)', () => {
    for (const route of ROUTES) {
      if (route.path === '/health') expect(route.touches).toEqual({ table: { access: 'read', partitions: ['HEALTH#'] }, bucket: { read: ['health'] } });
      else if (route.auth === 'none') expect([route.path, route.touches]).toEqual([route.path, {}]);
      else expect([route.path, (route.touches.table?.partitions.length ?? 0) > 0]).toEqual([route.path, true]);
    }
  });
});
