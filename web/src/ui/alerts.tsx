import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/en';
import { kindOf } from '../lib/problems';

export function Alert({ kind, title, children }: { kind: 'error' | 'success' | 'info' | 'warning'; title?: string; children?: ComponentChildren }) {
  // Errors interrupt (alert); confirmations and notes are announced politely (status).
  return (
    <div class={`alert ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <h2>{title}</h2> : null}
      {children}
    </div>
  );
}

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

/** A failed load or action: what happened, the reference to quote, and a way to try again. */
export function ErrorPanel({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  const traceId = error instanceof ApiError ? error.traceId : undefined;
  return (
    <Alert kind="error">
      <p>{describeError(error, t)}</p>
      {traceId ? <p class="muted">{t.errors.reference(traceId)}</p> : null}
      {retry ? (
        <button type="button" class="button secondary" onClick={retry}>
          {t.retry}
        </button>
      ) : null}
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t.loading}
    </p>
  );
}
