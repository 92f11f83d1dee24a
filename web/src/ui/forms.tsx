import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { Messages } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { issuesByField, kindOf, type Issue } from '../lib/problems';
import { describeError } from './alerts';

/** Messages by field name; `''` holds what concerns the form as a whole. */
export type FieldErrors = Record<string, string>;

/** The ids that describe a field: its hint and its error, for aria-describedby. */
export function describedBy(id: string, hint?: unknown, error?: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled field with its hint and error next to it; the control itself is the child. */
export function Field(props: { id: string; label: string; hint?: string; error?: string | undefined; optional?: boolean; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.optional ? <span class="muted"> ({t.optional})</span> : null}
      </label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      {props.children}
    </div>
  );
}

/** The list of what to correct, at the top of the form, linking to each field; it takes the focus. */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels: Record<string, { id: string; label: string }> }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length) box.current?.focus();
  }, [errors]);
  if (!entries.length) return null;
  return (
    <div class="alert error error-summary" role="alert" tabIndex={-1} ref={box}>
      <p>
        <strong>{t.errors.summary}</strong>
      </p>
      <ul>
        {entries.map(([field, message]) => {
          const target = labels[field];
          return <li key={field}>{target ? <a href={`#${target.id}`}>{`${target.label}: ${message}`}</a> : message}</li>;
        })}
      </ul>
    </div>
  );
}

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
