/**
 * Names of attached files, as people will see and save them. A name is refused when it could
 * mislead or harm whoever saves it: control characters (C0, DEL, C1), invisible formatting
 * characters (bidirectional overrides such as U+202E that turn `fdp.exe` into `exe.pdf` on screen,
 * zero-width characters), line separators, lone surrogates, path separators, `.` and `..`, and
 * blank names. At most 255 characters, the limit of common file systems.
 */
export const FILE_NAME_MAX_CHARS = 255;

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}/\\]/u;

/** Why `name` cannot be a file name, or undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  if (name.trim().length === 0) return 'a file name must not be blank';
  if ([...name].length > FILE_NAME_MAX_CHARS) return `a file name has at most ${FILE_NAME_MAX_CHARS} characters`;
  if (name === '.' || name === '..') return 'a file name must not be . or ..';
  if (UNSAFE.test(name)) return 'a file name must not hold path separators, control or invisible formatting characters';
  return undefined;
}
