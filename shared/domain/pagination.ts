import { InvalidInputError } from './errors';

/** A page of results, belgif style: `next` only when there is more. */
export interface Page<T> {
  items: T[];
  pageSize: number;
  self: string;
  next?: string;
}

/** Cursors are opaque to clients: the position (a key) in base64url JSON. */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor, refusing one made for another listing: its position must equal `scope` and
 * start with `prefixes` (the sort key of the list it came from), and hold no other key than those
 * and `otherKeys` (DynamoDB refuses a start key of another shape with a 500-worthy error).
 */
export function decodeCursor(cursor: string, scope: Record<string, string>, prefixes: Record<string, string> = {}, otherKeys: readonly string[] = []): Record<string, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object' && Object.values(value).every((part) => typeof part === 'string')) {
      const position = value as Record<string, string>;
      const inScope = Object.entries(scope).every(([name, expected]) => position[name] === expected);
      const inList = Object.entries(prefixes).every(([name, prefix]) => position[name]?.startsWith(prefix));
      const expected = [...Object.keys(scope), ...Object.keys(prefixes), ...otherKeys].sort();
      const exactKeys = JSON.stringify(Object.keys(position).sort()) === JSON.stringify(expected);
      if (inScope && inList && exactKeys) return position;
    }
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidInputError([{ in: 'query', name: 'cursor', detail: 'cursor is not one this listing returned' }]);
}

/** `self` and `next` links: the request's path and query, with the cursor replaced. */
export function pageLinks(path: string, query: Record<string, string | undefined>, next?: string): { self: string; next?: string } {
  const build = (cursor?: string) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...query, cursor })) if (value !== undefined) params.set(name, value);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  return { self: build(query.cursor), ...(next ? { next: build(next) } : {}) };
}
