import { en } from '../../web/src/i18n/en';
import { fr } from '../../web/src/i18n/fr';
import { describeError, fieldErrors } from '../../web/src/lib/errors';
import { ApiError, type Problem } from '../../web/src/lib/problems';

const problem = (status: number, type: string, issues?: Problem['issues']): ApiError =>
  new ApiError({ type, title: 'x', status, detail: 'what the API said', ...(issues ? { issues } : {}) }, 'trace-1');
const issue = (name: string, detail = `${name}: Invalid input`) => ({
  type: 'urn:problem-type:belgif:input-validation:schemaViolation',
  in: 'body',
  name,
  detail,
});

describe('API refusals as the words people read next to their fields', () => {
  it('names the field of each issue, in the person’s language', () => {
    const error = problem(400, 'urn:problem-type:belgif:badRequest', [issue('notificationEmail'), issue('attachments[0].fileName')]);
    expect(fieldErrors(error, ['notificationEmail', 'attachments'], fr)).toEqual({ notificationEmail: fr.errors.email, attachments: fr.errors.fileName });
  });

  it('a national number the API refused', () => {
    expect(fieldErrors(problem(400, 'urn:problem-type:belgif:badRequest', [issue('ssin', 'Invalid SSIN: check digits')]), ['ssin', 'name'], en)).toEqual({
      ssin: en.errors.ssin,
    });
  });

  it('an empty text is "fill in this field"', () => {
    expect(fieldErrors(problem(400, 'urn:problem-type:belgif:badRequest', [issue('body', 'body: must not be empty')]), ['body'], en)).toEqual({
      body: en.errors.required,
    });
  });

  it('a PDF refused for its type or size goes to the attachments', () => {
    expect(fieldErrors(problem(415, 'urn:problem-type:ebox:unsupportedMediaType'), ['body', 'attachments'], en)).toEqual({ attachments: en.errors.notPdf });
    expect(fieldErrors(problem(413, 'urn:problem-type:belgif:payloadTooLarge'), ['body', 'attachments'], en)).toEqual({ attachments: en.errors.tooLarge });
  });

  it('an issue of a field the form does not have, and other refusals, concern the whole form', () => {
    expect(fieldErrors(problem(400, 'urn:problem-type:belgif:badRequest', [issue('mystery')]), ['body'], en)).toEqual({ '': en.errors.invalid });
    expect(fieldErrors(problem(403, 'urn:problem-type:belgif:missingPermission'), ['body'], en)).toEqual({ '': en.errors.forbidden });
    expect(fieldErrors(new Error('network down'), ['body'], en)).toEqual({ '': en.errors.unavailable });
  });

  it('an unknown problem on a known field keeps the API’s explanation after ours', () => {
    expect(
      fieldErrors(problem(400, 'urn:problem-type:belgif:badRequest', [issue('subject', 'subject: must be at most 200 characters')]), ['subject'], en),
    ).toEqual({
      subject: `${en.errors.invalid} subject: must be at most 200 characters`,
    });
  });

  it.each([
    [401, en.errors.signedOut],
    [404, en.errors.notFound],
    [409, en.errors.conflict],
    [500, en.errors.unavailable],
  ])('a %i reads "%s"', (status, text) => {
    expect(describeError(problem(status, 'urn:problem-type:belgif:x'), en)).toBe(text);
  });
});
