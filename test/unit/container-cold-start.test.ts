import './fixtures/quiet-logs';

/**
 * The cold start of a function loads no SDK client and no Powertools: the container and the
 * observability middleware make them, and require their packages, when an invocation first needs
 * them (what `npm run bench` measures on the bundles). Each package below records when it is
 * first required.
 */
const mockRequired: string[] = [];
const mockRecorded = (name: string) => {
  mockRequired.push(name);
  return jest.requireActual(name);
};
jest.mock('@aws-sdk/client-dynamodb', () => mockRecorded('@aws-sdk/client-dynamodb'));
jest.mock('@aws-sdk/lib-dynamodb', () => mockRecorded('@aws-sdk/lib-dynamodb'));
jest.mock('@aws-sdk/client-s3', () => mockRecorded('@aws-sdk/client-s3'));
jest.mock('@aws-sdk/client-sqs', () => mockRecorded('@aws-sdk/client-sqs'));
jest.mock('@aws-sdk/client-sesv2', () => mockRecorded('@aws-sdk/client-sesv2'));
jest.mock('@aws-lambda-powertools/tracer', () => mockRecorded('@aws-lambda-powertools/tracer'));
jest.mock('@aws-lambda-powertools/metrics', () => mockRecorded('@aws-lambda-powertools/metrics'));
jest.mock('@aws-lambda-powertools/logger', () => mockRecorded('@aws-lambda-powertools/logger'));

describe('the container', () => {
  beforeAll(() => {
    Object.assign(process.env, {
      TABLE_NAME: 'ebox-test',
      BUCKET_NAME: 'ebox-test-documents',
      NOTIFICATIONS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/notifications',
      MAIL_FROM: 'no-reply@ebox.test',
      PORTAL_URL: 'https://ebox.test',
      JWT_ISSUER: 'https://issuer.test/',
      JWT_AUDIENCE: 'ebox-api',
      // As inside Lambda, where the tracer is used (observability.ts loads it nowhere else).
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    });
  });

  it('requires no SDK client and no Powertools to start, then only what is used', () => {
    // A cold start's init: the handler module is loaded, no invocation yet.
    require('../../functions/delivery/publish-message/handler');
    expect(mockRequired).toEqual([]);
    const { container } = require('../../shared/container') as typeof import('../../shared/container');
    const deps = container();
    expect(deps.config.tableName).toBe('ebox-test');
    expect(mockRequired).toEqual([]);

    expect(deps.mailer).toBe(deps.mailer);
    expect(mockRequired).toEqual(['@aws-sdk/client-sesv2', '@aws-lambda-powertools/tracer']);

    expect(deps.enterprises).toBeDefined();
    expect(mockRequired).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']));
    expect(mockRequired).not.toContain('@aws-sdk/client-s3');
    expect(mockRequired).not.toContain('@aws-sdk/client-sqs');
  });
});
