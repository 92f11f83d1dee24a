import type { z } from 'zod';
import type { InputIssue } from '../domain/errors';
import { InvalidInputError } from '../domain/errors';

/** `['attachments', 0, 'contentBase64']` → `attachments[0].contentBase64`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name ? `${name}.${String(key)}` : String(key);
  }, '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Echoes short scalar values only: never a PDF in base64 back at the client. */
function echo(value: unknown): unknown {
  if (typeof value === 'string') return value.length <= 100 ? value : undefined;
  return typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

export function toInputIssues(error: z.ZodError, location: InputIssue['in'], input: unknown): InputIssue[] {
  return error.issues.flatMap((issue): InputIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        in: location,
        name: fieldName([...issue.path, key]),
        kind: 'unknownInput',
        detail: `${fieldName([...issue.path, key])} is not a known field`,
      }));
    }
    const name = fieldName(issue.path) || location;
    const value = echo(valueAt(input, issue.path));
    return [{ in: location, name, detail: `${name}: ${issue.message}`, ...(value === undefined ? {} : { value }) }];
  });
}

/** Parses `input` with `schema`, throwing an InvalidInputError whose issues name each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, location: InputIssue['in']): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(toInputIssues(result.error, location, input));
}
