import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';

/**
 * A confirmation in a modal <dialog>: the browser keeps the focus inside and Escape cancels;
 * the focus goes to the safe choice (Cancel) first.
 */
export function ConfirmDialog(props: { open: boolean; title: string; body: string; confirm: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!props.open && element.open) {
      element.close();
    }
  }, [props.open]);
  return (
    <dialog ref={dialog} aria-labelledby="confirm-title" aria-describedby="confirm-body" onCancel={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div class="actions">
        <button type="button" class="button danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" class="button secondary" ref={cancel} onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
