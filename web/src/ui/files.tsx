import { useI18n } from '../i18n/i18n';
import { describedBy } from './forms';

/** A PDF ready to send inline, as the API takes it. */
export interface PickedPdf {
  fileName: string;
  mediaType: 'application/pdf';
  contentBase64: string;
  size: number;
}

/** What companies may attach: at most 5 PDFs, 4 MiB in all (the API's own limits). */
const PDF_LIMITS = { files: 5, bytes: 4 * 1024 * 1024 } as const;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/**
 * Picks PDF files and keeps them as base64, checking what the browser can check before the API
 * does (type, count, total size); the problems are reported through `onProblem`.
 */
export function PdfPicker(props: {
  id: string;
  label: string;
  hint: string;
  files: PickedPdf[];
  error?: string | undefined;
  onChange(files: PickedPdf[]): void;
  onProblem(message: string | undefined): void;
}) {
  const { t, size } = useI18n();
  const add = async (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    const notPdf = chosen.find((file) => file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf'));
    if (notPdf) return props.onProblem(t.files.notPdf(notPdf.name));
    const next = [
      ...props.files,
      ...(await Promise.all(
        chosen.map(async (file) => ({ fileName: file.name, mediaType: 'application/pdf' as const, contentBase64: await readAsBase64(file), size: file.size })),
      )),
    ];
    if (next.length > PDF_LIMITS.files) return props.onProblem(t.files.tooMany(PDF_LIMITS.files));
    if (next.reduce((total, file) => total + file.size, 0) > PDF_LIMITS.bytes) return props.onProblem(t.files.tooLarge(size(PDF_LIMITS.bytes)));
    props.onProblem(undefined);
    props.onChange(next);
  };
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={props.id}>
        {props.label} <span class="muted">({t.optional})</span>
      </label>
      <span class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
      {props.error ? (
        <span class="error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      <input
        id={props.id}
        type="file"
        accept="application/pdf,.pdf"
        multiple
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
        onChange={(event) => {
          const input = event.currentTarget;
          void add(input.files).finally(() => (input.value = ''));
        }}
      />
      {props.files.length ? (
        <ul class="picked">
          {props.files.map((file, index) => (
            <li key={`${file.fileName}-${index}`}>
              <span class="file-name">{file.fileName}</span> <span class="muted">({size(file.size)})</span>
              <button type="button" class="button link" onClick={() => props.onChange(props.files.filter((_, other) => other !== index))}>
                {t.files.remove(file.fileName)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The files as the API body wants them (without the local size). */
export const toAttachments = (files: PickedPdf[]) => files.map(({ fileName, mediaType, contentBase64 }) => ({ fileName, mediaType, contentBase64 }));
