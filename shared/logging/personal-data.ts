/**
 * Log lines never carry a national number (SSIN) or an email address in clear: whatever reaches
 * the logger (messages, attributes, error messages and stacks, request paths) is masked on the
 * way out. An SSIN is 11 digits, bare or formatted (85073003328, 85.07.30-033.28); an enterprise
 * number (10 digits), a ULID or a timestamp does not match.
 */
const SSIN = /\b\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}\b/g;
const EMAIL = /\b([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b/g;

export const MASKED_SSIN = '***********';

/** `85073003328` → `***********`; `anne.dupont@acme.be` → `a***@acme.be` (the domain helps support, the person stays unnamed). */
export function maskPersonalData(text: string): string {
  return text.replace(SSIN, MASKED_SSIN).replace(EMAIL, '$1***@$2');
}

/** A JSON.stringify replacer for the logger: every string value is masked, keys are left alone. */
export function maskingReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? maskPersonalData(value) : value;
}
