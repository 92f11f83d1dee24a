import type { Messages } from '../i18n/en';
import { ApiError, issuesByField, kindOf, type Issue } from './problems';

/** What people read for an error of the API: never a raw status code. */
export function describeError(error: unknown, t: Messages): string {
  if (!(error instanceof ApiError)) return t.errors.unavailable;
  const kind = kindOf(error.problem);
  if (kind === 'invalid') return t.errors.invalid;
  if (kind === 'notPdf') return t.errors.notPdf;
  if (kind === 'tooLarge') return t.errors.tooLarge;
  if (kind === 'expired') return t.errors.notFound;
  return t.errors[kind];
}

/** Messages by field name; `''` holds what concerns the form as a whole. */
export type FieldErrors = Record<string, string>;

function issueMessage(field: string, issues: Issue[], t: Messages): string {
  const names = issues.map((issue) => issue.name).join(' ');
  if (field === 'notificationEmail') return t.errors.email;
  if (field === 'ssin') return t.errors.ssin;
  if (field === 'attachments') {
    if (names.includes('.fileName')) return t.errors.fileName;
    if (issues.some((issue) => issue.type.endsWith('unsupportedMediaType') || issue.detail.includes('not a PDF'))) return t.errors.notPdf;
    if (issues.some((issue) => issue.type.endsWith('payloadTooLarge'))) return t.errors.tooLarge;
  }
  if (issues.some((issue) => /must not be empty|required/i.test(issue.detail))) return t.errors.required;
  // No better words for it: the API's own explanation (in English) after ours.
  return `${t.errors.invalid} ${issues.map((issue) => issue.detail).join(' ')}`;
}

/** An API refusal as messages next to the fields of the form (`fields`), and one for the rest. */
export function fieldErrors(error: unknown, fields: readonly string[], t: Messages): FieldErrors {
  if (!(error instanceof ApiError)) return { '': describeError(error, t) };
  const kind = kindOf(error.problem);
  if (kind !== 'invalid' && kind !== 'notPdf' && kind !== 'tooLarge') return { '': describeError(error, t) };
  const errors: FieldErrors = {};
  for (const [field, issues] of issuesByField(error.problem, fields)) errors[field] = field ? issueMessage(field, issues, t) : describeError(error, t);
  return Object.keys(errors).length ? errors : { '': describeError(error, t) };
}
