import type { z } from 'zod';
import { MalformedItemError } from '../../../domain/errors';

export type Item = Record<string, unknown>;

/**
 * The zod shape of an entity: one schema per attribute, none forgotten (optional ones included)
 * and none extra, so a schema cannot drift from its domain type unnoticed.
 */
export type ShapeOf<T> = { [K in keyof Required<T>]: z.ZodType<T[K]> };

/** The item's table key, to name it in errors. */
const keyOf = (item: Item) => `${String(item.pk ?? '?')} / ${String(item.sk ?? '?')}`;

/**
 * Reads a stored item, or a stream image, as its entity. The schema names the entity's attributes,
 * so table keys and bookkeeping attributes are left out; anything missing or of the wrong type is a
 * MalformedItemError naming the item and each problem, never a silently wrong object.
 */
export function parseItem<T>(schema: z.ZodType<T>, item: Item): T {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  throw new MalformedItemError(
    keyOf(item),
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`),
  );
}
