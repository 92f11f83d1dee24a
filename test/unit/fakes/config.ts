import type { Config } from '../../../shared/config';

/** A complete configuration, as parseConfig would give it; no environment is read. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    tableName: 'ebox-test',
    bucketName: 'ebox-test-documents',
    notificationsQueueUrl: 'http://localhost:4566/000000000000/notifications',
    region: 'eu-west-1',
    endpoints: {},
    mailFrom: 'no-reply@ebox.example',
    portalUrl: 'https://portal.ebox.example/',
    expiryWarningDays: 14,
    companyMessageValidityDays: 365,
    presignedUrlSeconds: 300,
    clockOffsetMs: 0,
    ...overrides,
  };
}
