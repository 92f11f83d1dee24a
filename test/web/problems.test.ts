import { attachmentIndex, isProblem, issuesByField, kindOf, type Problem } from '../../web/src/lib/problems';

const badRequest = (names: string[]): Problem => ({
  type: 'urn:problem-type:belgif:badRequest',
  title: 'Bad Request',
  status: 400,
  detail: 'The input message is incorrect',
  issues: names.map((name) => ({ type: 'urn:problem-type:belgif:input-validation:schemaViolation', in: 'body', name, detail: `${name}: invalid` })),
});

describe('problems of the API, as the portal explains them', () => {
  it('recognises problem+json bodies', () => {
    expect(isProblem(badRequest([]))).toBe(true);
    expect(isProblem({ message: 'Unauthorized' })).toBe(false);
    expect(isProblem(null)).toBe(false);
  });

  it.each([
    [400, 'invalid'],
    [401, 'signedOut'],
    [403, 'forbidden'],
    [404, 'notFound'],
    [409, 'conflict'],
    [410, 'expired'],
    [413, 'tooLarge'],
    [415, 'notPdf'],
    [500, 'unavailable'],
    [503, 'unavailable'],
  ])('%i is %s', (status, kind) => {
    expect(kindOf({ ...badRequest([]), status })).toBe(kind);
  });

  it('puts each issue next to the field it concerns; attachments by their root', () => {
    const byField = issuesByField(badRequest(['notificationEmail', 'attachments[1].fileName', 'attachments[2].contentBase64', 'mystery']), [
      'notificationEmail',
      'attachments',
    ]);
    expect([...byField.keys()]).toEqual(['notificationEmail', 'attachments', '']);
    expect(byField.get('attachments')?.map((issue) => issue.name)).toEqual(['attachments[1].fileName', 'attachments[2].contentBase64']);
  });

  it('a 415 or 413 about the PDFs goes to the attachments field', () => {
    const notPdf: Problem = {
      type: 'urn:problem-type:ebox:unsupportedMediaType',
      title: 'Unsupported Media Type',
      status: 415,
      detail: 'attachments[0].contentBase64: not a PDF',
    };
    expect(issuesByField(notPdf, ['body', 'attachments']).get('attachments')?.[0]?.type).toBe('urn:problem-type:ebox:unsupportedMediaType');
    expect(issuesByField(notPdf, ['body']).size).toBe(0);
  });

  it('tells which attachment an issue is about', () => {
    expect(attachmentIndex('attachments[3].fileName')).toBe(3);
    expect(attachmentIndex('body')).toBeUndefined();
  });
});
