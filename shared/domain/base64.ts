/**
 * Strict base64 (RFC 4648 §4: the standard alphabet, padded to a multiple of 4), decoded in one
 * pass. Node's decoder is lenient: it skips characters outside the alphabet and stops at `=`, so
 * any such character leaves fewer bytes than the text's length promises; only the URL-safe
 * alphabet (`-`, `_`), which it also accepts, needs looking for. No regular expression runs over
 * the text (a PDF's base64 is megabytes). Undefined when the text is not strict base64.
 */
export function decodeStrictBase64(text: string): Buffer | undefined {
  if (text.length % 4 !== 0 || text.includes('-') || text.includes('_')) return undefined;
  const bytes = Buffer.from(text, 'base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return bytes.length === (text.length / 4) * 3 - padding ? bytes : undefined;
}
