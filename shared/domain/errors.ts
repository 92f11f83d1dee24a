/**
 * Domain errors: what went wrong in business terms. The HTTP layer maps each one to a belgif
 * problem type (shared/http/problem.ts); jobs log them. No HTTP status codes live here.
 */
export interface InputIssue {
  /** Where the offending value came from. */
  in: 'body' | 'query' | 'path' | 'header';
  /** The field's path, e.g. `attachments[0].contentBase64`. */
  name: string;
  detail: string;
  value?: unknown;
  /** belgif input-validation kind: schemaViolation, unknownInput, referencedResourceNotFound… */
  kind?: string;
}

export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is malformed or breaks a rule tied to one of its fields. */
export class InvalidInputError extends DomainError {
  constructor(
    readonly issues: InputIssue[],
    detail = 'The input message is incorrect',
  ) {
    super(detail);
  }
}

export class NotFoundError extends DomainError {}

export class MissingScopeError extends DomainError {
  constructor(readonly requiredScopes: string[]) {
    super(`This operation requires the scope ${requiredScopes.join(' or ')}`);
  }
}

export class MissingPermissionError extends DomainError {}

/** An e-Box conflict (409) with its own problem type. */
export class ConflictError extends DomainError {
  constructor(
    readonly problem: 'externalIdConflict' | 'notReplyable' | 'messagesNotAccepted',
    detail: string,
  ) {
    super(detail);
  }
}

/** The document's validity ended (410); `expiredAt` tells when, so people can be told. */
export class DocumentExpiredError extends DomainError {
  constructor(
    detail: string,
    readonly expiredAt: string,
  ) {
    super(detail);
  }
}

export class PayloadTooLargeError extends DomainError {}

export class UnsupportedMediaTypeError extends DomainError {}

/** The caller's token is missing, invalid or expired (401). */
export class UnauthenticatedError extends DomainError {
  constructor(
    readonly reason: 'noAccessToken' | 'invalidAccessToken' | 'expiredAccessToken',
    detail: string,
  ) {
    super(detail);
  }
}
