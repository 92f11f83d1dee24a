import type { InputIssue } from '../domain/errors';
import {
  ConflictError,
  DocumentExpiredError,
  InvalidInputError,
  MissingPermissionError,
  MissingScopeError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from '../domain/errors';

/** An RFC 9457 problem with the belgif extensions (issues, requiredScopes). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  issues?: ProblemIssue[];
  requiredScopes?: string[];
  /** documentExpired: when the document expired (and was, or is about to be, deleted). */
  expiredAt?: string;
}

interface ProblemIssue {
  type: string;
  title: string;
  in: InputIssue['in'];
  name: string;
  value?: unknown;
  detail: string;
}

export const belgif = (name: string) => `urn:problem-type:belgif:${name}`;
const ebox = (name: string) => `urn:problem-type:ebox:${name}`;

const ISSUE_TITLES: Record<string, string> = {
  schemaViolation: "Input isn't valid with respect to schema",
  unknownInput: 'Unknown input',
  referencedResourceNotFound: 'Referenced resource not found',
};

export function badRequest(issues: InputIssue[], detail = 'The input message is incorrect'): Problem {
  return {
    type: belgif('badRequest'),
    title: 'Bad Request',
    status: 400,
    detail,
    issues: issues.map((issue) => {
      const kind = issue.kind ?? 'schemaViolation';
      return {
        type: belgif(`input-validation:${kind}`),
        title: ISSUE_TITLES[kind] ?? 'Invalid input',
        in: issue.in,
        name: issue.name,
        ...(issue.value === undefined ? {} : { value: issue.value }),
        detail: issue.detail,
      };
    }),
  };
}

const unauthorized = (kind: 'noAccessToken' | 'invalidAccessToken' | 'expiredAccessToken', detail: string): Problem => ({
  type: belgif(kind),
  title: { noAccessToken: 'No Access Token', invalidAccessToken: 'Invalid Access Token', expiredAccessToken: 'Expired Access Token' }[kind],
  status: 401,
  detail,
});

export const notFound = (detail: string): Problem => ({ type: belgif('resourceNotFound'), title: 'Resource Not Found', status: 404, detail });

/** The request's headers are too large to be read at all (the gateway's limit, before any route). */
export const headersTooLarge = (limitBytes: number): Problem => ({
  type: ebox('requestHeaderFieldsTooLarge'),
  title: 'Request Header Fields Too Large',
  status: 431,
  detail: `The request headers exceed ${limitBytes} bytes in total; send smaller headers`,
});

const internalServerError = (): Problem => ({
  type: belgif('internalServerError'),
  title: 'Internal Server Error',
  status: 500,
  detail: 'The server encountered an unexpected error; quote the BelGov-Trace-Id header when reporting it',
});

/** Maps any thrown value to the problem the client sees; unknown errors never leak internals. */
export function toProblem(error: unknown): Problem {
  if (error instanceof InvalidInputError) return badRequest(error.issues, error.message);
  if (error instanceof UnauthenticatedError) return unauthorized(error.reason, error.message);
  if (error instanceof MissingScopeError) {
    return { type: belgif('missingScope'), title: 'Missing Scope', status: 403, detail: error.message, requiredScopes: error.requiredScopes };
  }
  if (error instanceof MissingPermissionError) {
    return { type: belgif('missingPermission'), title: 'Missing Permission', status: 403, detail: error.message };
  }
  if (error instanceof NotFoundError) return notFound(error.message);
  if (error instanceof ConflictError) {
    const titles = { externalIdConflict: 'External Id Conflict', notReplyable: 'Not Replyable', messagesNotAccepted: 'Messages Not Accepted' };
    return { type: ebox(error.problem), title: titles[error.problem], status: 409, detail: error.message };
  }
  if (error instanceof DocumentExpiredError)
    return { type: ebox('documentExpired'), title: 'Document Expired', status: 410, detail: error.message, expiredAt: error.expiredAt };
  if (error instanceof PayloadTooLargeError) return { type: belgif('payloadTooLarge'), title: 'Payload Too Large', status: 413, detail: error.message };
  if (error instanceof UnsupportedMediaTypeError) {
    return { type: ebox('unsupportedMediaType'), title: 'Unsupported Media Type', status: 415, detail: error.message };
  }
  return internalServerError();
}
