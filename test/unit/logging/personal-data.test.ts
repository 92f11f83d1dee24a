import { Logger } from '@aws-lambda-powertools/logger';
import { MASKED_SSIN, maskPersonalData, maskingReplacer } from '../../../shared/logging/personal-data';

describe('maskPersonalData', () => {
  it.each([
    ['/v1/enterprises/0123456749/access/85073003328', `/v1/enterprises/0123456749/access/${MASKED_SSIN}`],
    ['grant for 85.07.30-033.28 refused', `grant for ${MASKED_SSIN} refused`],
    ['to anne.dupont@acme.be and ops@mail.ebox.example.be', 'to a***@acme.be and o***@mail.ebox.example.be'],
  ])('masks %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['an enterprise number', '0123456749'],
    ['a ULID', '01JD5Z3V9K8Q2W4E6R7T8Y9U0I'],
    ['a timestamp in ms', '1764540000000'],
    ['a trace id', 'c6af9ac6-7b61-11e6-9a41-93e812345678'],
    ['an ISO date', '2026-11-30T16:37:22.000Z'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('the logger', () => {
  it('masks SSINs and emails in the message, in attributes and in errors, and keeps the rest', () => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const logger = new Logger({ serviceName: 'test', logLevel: 'INFO', jsonReplacerFn: maskingReplacer });
      logger.info('grant for 85073003328', {
        path: '/v1/enterprises/0123456749/access/85073003328',
        to: 'anne.dupont@acme.be',
        error: new Error('no grant for 85073003328'),
        messageId: '01JD5Z3V9K8Q2W4E6R7T8Y9U0I',
      });
    } finally {
      write.mockRestore();
    }
    const line = lines.join('');
    expect(line).not.toContain('85073003328');
    expect(line).not.toContain('anne.dupont');
    const entry = JSON.parse(line) as { message: string; path: string; to: string; error: { message: string }; messageId: string };
    expect(entry).toMatchObject({
      message: `grant for ${MASKED_SSIN}`,
      path: `/v1/enterprises/0123456749/access/${MASKED_SSIN}`,
      to: 'a***@acme.be',
      error: { message: `no grant for ${MASKED_SSIN}` },
      messageId: '01JD5Z3V9K8Q2W4E6R7T8Y9U0I',
    });
  });
});
