/** An RFC 9457 problem as the API answers it (the OpenAPI `Problem` schema). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  issues?: Issue[];
  expiredAt?: string;
}

/** One offending input of a 400: where (`in`) and which field (`name`, a path such as `attachments[0].fileName`). */
export interface Issue {
  type: string;
  in: string;
  name: string;
  detail: string;
}

/** What went wrong, in terms the pages explain to people. */
export type ProblemKind = 'invalid' | 'signedOut' | 'forbidden' | 'notFound' | 'expired' | 'conflict' | 'tooLarge' | 'notPdf' | 'unavailable';

/** A refusal or failure of the API, with the problem it answered and the trace id to quote. */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly traceId?: string,
  ) {
    super(problem.detail);
  }
}

export function isProblem(value: unknown): value is Problem {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.type === 'string' && typeof candidate.status === 'number' && typeof candidate.detail === 'string';
}

export function kindOf(problem: Problem): ProblemKind {
  if (problem.status === 400) return 'invalid';
  if (problem.status === 401) return 'signedOut';
  if (problem.status === 403) return 'forbidden';
  if (problem.status === 404) return 'notFound';
  if (problem.status === 409) return 'conflict';
  if (problem.status === 410) return 'expired';
  if (problem.status === 413) return 'tooLarge';
  if (problem.status === 415) return 'notPdf';
  return 'unavailable';
}

/**
 * The problem's issues by the form field they concern: `attachments[2].fileName` and
 * `attachments[2].contentBase64` both belong to the `attachments` field. A 413 or 415 about
 * attachments (which carry no issues) is put there too. Issues of no known field go to `''`.
 */
export function issuesByField(problem: Problem, fields: readonly string[]): Map<string, Issue[]> {
  const byField = new Map<string, Issue[]>();
  const add = (field: string, issue: Issue) => byField.set(field, [...(byField.get(field) ?? []), issue]);
  for (const issue of problem.issues ?? []) {
    const root = issue.name.split(/[.[]/)[0] ?? '';
    add(fields.includes(root) ? root : '', issue);
  }
  if ((problem.status === 413 || problem.status === 415) && fields.includes('attachments')) {
    add('attachments', { type: problem.type, in: 'body', name: 'attachments', detail: problem.detail });
  }
  return byField;
}

/** The position of the attachment an issue is about (`attachments[2].fileName` → 2). */
export function attachmentIndex(issueName: string): number | undefined {
  const match = /^attachments\[(\d+)\]/.exec(issueName);
  return match ? Number(match[1]) : undefined;
}
