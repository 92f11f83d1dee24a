import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { FieldErrors } from '../lib/errors';

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
