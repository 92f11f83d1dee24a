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
} from '../../../shared/domain/errors';
import { badRequest, toProblem } from '../../../shared/http/problem';

describe('toProblem', () => {
  it.each([
    [new NotFoundError('No message m-1 here'), 'urn:problem-type:belgif:resourceNotFound', 'Resource Not Found', 404],
    [new MissingPermissionError('Only an access manager may grant access'), 'urn:problem-type:belgif:missingPermission', 'Missing Permission', 403],
    [
      new ConflictError('externalIdConflict', 'AVIS-1 was published with other content'),
      'urn:problem-type:ebox:externalIdConflict',
      'External Id Conflict',
      409,
    ],
    [new ConflictError('notReplyable', 'This message does not accept replies'), 'urn:problem-type:ebox:notReplyable', 'Not Replyable', 409],
    [
      new ConflictError('messagesNotAccepted', 'This institution does not accept messages'),
      'urn:problem-type:ebox:messagesNotAccepted',
      'Messages Not Accepted',
      409,
    ],
    [new PayloadTooLargeError('Inline attachments exceed 4 MiB'), 'urn:problem-type:belgif:payloadTooLarge', 'Payload Too Large', 413],
    [new UnsupportedMediaTypeError('avis.pdf is not a PDF'), 'urn:problem-type:ebox:unsupportedMediaType', 'Unsupported Media Type', 415],
    [new UnauthenticatedError('noAccessToken', 'No token'), 'urn:problem-type:belgif:noAccessToken', 'No Access Token', 401],
    [new UnauthenticatedError('invalidAccessToken', 'Bad token'), 'urn:problem-type:belgif:invalidAccessToken', 'Invalid Access Token', 401],
    [new UnauthenticatedError('expiredAccessToken', 'Old token'), 'urn:problem-type:belgif:expiredAccessToken', 'Expired Access Token', 401],
  ])('maps %p to %s (%s, %i)', (error, type, title, status) => {
    expect(toProblem(error)).toEqual({ type, title, status, detail: error.message });
  });

  it('maps DocumentExpiredError to 410 documentExpired, telling when it expired', () => {
    expect(toProblem(new DocumentExpiredError('This message expired on 2026-11-28', '2026-11-28T10:00:00.000Z'))).toEqual({
      type: 'urn:problem-type:ebox:documentExpired',
      title: 'Document Expired',
      status: 410,
      detail: 'This message expired on 2026-11-28',
      expiredAt: '2026-11-28T10:00:00.000Z',
    });
  });

  it('maps MissingScopeError to 403 missingScope with the required scopes', () => {
    expect(toProblem(new MissingScopeError(['ebox/publish', 'ebox/admin']))).toEqual({
      type: 'urn:problem-type:belgif:missingScope',
      title: 'Missing Scope',
      status: 403,
      detail: 'This operation requires the scope ebox/publish or ebox/admin',
      requiredScopes: ['ebox/publish', 'ebox/admin'],
    });
  });

  it('maps InvalidInputError to 400 badRequest with belgif input-validation issues', () => {
    const error = new InvalidInputError(
      [
        { in: 'body', name: 'attachments[0].contentBase64', detail: 'attachments[0].contentBase64: not base64' },
        { in: 'query', name: 'sort', kind: 'unknownInput', detail: 'sort is not a known field' },
        { in: 'path', name: 'enterpriseNumber', value: '0123456748', kind: 'referencedResourceNotFound', detail: 'No such company' },
        { in: 'header', name: 'Content-Type', value: '', kind: 'somethingElse', detail: 'Content-Type must be application/json' },
      ],
      'The request is wrong',
    );
    expect(toProblem(error)).toEqual({
      type: 'urn:problem-type:belgif:badRequest',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is wrong',
      issues: [
        {
          type: 'urn:problem-type:belgif:input-validation:schemaViolation',
          title: "Input isn't valid with respect to schema",
          in: 'body',
          name: 'attachments[0].contentBase64',
          detail: 'attachments[0].contentBase64: not base64',
        },
        {
          type: 'urn:problem-type:belgif:input-validation:unknownInput',
          title: 'Unknown input',
          in: 'query',
          name: 'sort',
          detail: 'sort is not a known field',
        },
        {
          type: 'urn:problem-type:belgif:input-validation:referencedResourceNotFound',
          title: 'Referenced resource not found',
          in: 'path',
          name: 'enterpriseNumber',
          value: '0123456748',
          detail: 'No such company',
        },
        {
          type: 'urn:problem-type:belgif:input-validation:somethingElse',
          title: 'Invalid input',
          in: 'header',
          name: 'Content-Type',
          value: '',
          detail: 'Content-Type must be application/json',
        },
      ],
    });
  });

  it('uses the default detail of an InvalidInputError', () => {
    expect(toProblem(new InvalidInputError([])).detail).toBe('The input message is incorrect');
  });

  const internal = {
    type: 'urn:problem-type:belgif:internalServerError',
    title: 'Internal Server Error',
    status: 500,
    detail: 'The server encountered an unexpected error; quote the BelGov-Trace-Id header when reporting it',
  };

  it('maps an unknown error to 500 internalServerError without its message or stack', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'pk') at table ebox-prod-Table-1A2B3C");
    const problem = toProblem(error);
    expect(problem).toEqual(internal);
    const text = JSON.stringify(problem);
    expect(text).not.toContain('ebox-prod-Table');
    expect(text).not.toContain('TypeError');
    expect(text).not.toContain(' at ');
  });

  it.each([['a string'], [42], [null], [undefined], [{ status: 404, message: 'fake' }]])('maps the thrown value %p to 500', (thrown) => {
    expect(toProblem(thrown)).toEqual(internal);
  });

  it('does not trust an Error that looks like a domain error by name only', () => {
    const error = new Error('No such thing');
    error.name = 'NotFoundError';
    expect(toProblem(error)).toEqual(internal);
  });
});

describe('badRequest', () => {
  it('defaults its detail and keeps no issue value that is undefined', () => {
    expect(badRequest([{ in: 'body', name: 'subject', value: undefined, detail: 'subject: required' }])).toEqual({
      type: 'urn:problem-type:belgif:badRequest',
      title: 'Bad Request',
      status: 400,
      detail: 'The input message is incorrect',
      issues: [
        {
          type: 'urn:problem-type:belgif:input-validation:schemaViolation',
          title: "Input isn't valid with respect to schema",
          in: 'body',
          name: 'subject',
          detail: 'subject: required',
        },
      ],
    });
  });
});
