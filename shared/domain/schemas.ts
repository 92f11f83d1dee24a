import { z } from 'zod';
import { parseEnterpriseNumber, type EnterpriseNumber } from './enterprise-number';
import { FILE_NAME_MAX_CHARS, fileNameProblem } from './file-name';
import { parseSsin, type Ssin } from './ssin';
import { LANGUAGES } from './text';

/**
 * zod schemas for the domain's value types, shared by every request schema and by the OpenAPI
 * document. Parsing normalises (an enterprise number always comes out as 10 digits).
 */
export const enterpriseNumberSchema = z
  .string()
  .transform((input, ctx): EnterpriseNumber => {
    const parsed = parseEnterpriseNumber(input);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: `Invalid enterprise number: ${parsed.reason}` });
    return z.NEVER;
  })
  .meta({ description: 'Enterprise number (CBE/KBO): 0123456749, 0123.456.749 or BE0123456749', example: '0123456749' });

export const ssinSchema = z
  .string()
  .transform((input, ctx): Ssin => {
    const parsed = parseSsin(input);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: `Invalid SSIN: ${parsed.reason}` });
    return z.NEVER;
  })
  .meta({ description: 'Belgian national register number (11 digits)', example: '85073003328' });

export const languageSchema = z.enum(LANGUAGES);

/** A text in one or more of fr, nl, de, en; each present language non-empty and at most `max` long. */
export function multilingualTextSchema(max: number) {
  const text = z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
  return z
    .strictObject({ fr: text.optional(), nl: text.optional(), de: text.optional(), en: text.optional() })
    .refine((value) => LANGUAGES.some((language) => value[language] !== undefined), {
      message: 'give the text in at least one of fr, nl, de, en',
    });
}

/** An attachment's file name (see file-name.ts for what is refused and why). */
export const fileNameSchema = z
  .string()
  .superRefine((name, ctx) => {
    const problem = fileNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description: `The file name people see and save: 1 to ${FILE_NAME_MAX_CHARS} characters, no path separators, control or invisible formatting characters`,
    example: 'avis-2026.pdf',
  });

/** Query-string booleans arrive as text. */
export const booleanQuerySchema = z.enum(['true', 'false']).transform((value) => value === 'true');

export const instantSchema = z.iso.datetime({ offset: false, precision: 3 }).meta({ example: '2026-11-28T21:56:39.123Z' });
