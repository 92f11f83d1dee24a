import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n';
import { describeError } from '../lib/errors';
import { ApiError } from '../lib/problems';

export function Alert({ kind, title, children }: { kind: 'error' | 'success' | 'info' | 'warning'; title?: string; children?: ComponentChildren }) {
  // Errors interrupt (alert); confirmations and notes are announced politely (status).
  return (
    <div class={`alert ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <h2>{title}</h2> : null}
      {children}
    </div>
  );
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
