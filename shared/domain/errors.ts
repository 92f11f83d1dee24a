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

abstract class DomainError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
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

// Races a write can lose, told by the ports in the e-Box's terms so that use cases never match a
// storage error by name. None of them leaves anything of the refused write behind.

/** Another publication with the same externalId committed first. */
export class IdempotencyRaceError extends DomainError {}

/** A concurrent write changed what this one depended on (a conflicting transaction, an item taken meanwhile). */
export class ConcurrentWriteError extends DomainError {}

/** An uploaded PDF is gone, or was replaced, since it was checked. */
export class UploadUnavailableError extends DomainError {}

/**
 * A stored item that does not have the shape of its entity: a defect or a manual edit, never the
 * caller's fault (500), so it is not a DomainError. Names the item's key and every problem found.
 */
export class MalformedItemError extends Error {
  constructor(
    readonly key: string,
    readonly problems: string[],
  ) {
    super(`Malformed item ${key}: ${problems.join('; ')}`);
    this.name = 'MalformedItemError';
  }
}
