import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../../../shared/adapters/ses/mailer';

/** An SES client that answers every call itself, before anything leaves the process, and keeps what it was asked. */
function recordingSes(): { client: SESv2Client; requests: object[] } {
  const requests: object[] = [];
  const client = new SESv2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  client.middlewareStack.add(
    () => async (args) => {
      requests.push(args.input);
      return { output: { MessageId: 'ses-message-1', $metadata: {} }, response: {} };
    },
    { step: 'initialize', name: 'answer' },
  );
  return { client, requests };
}

const email = { to: 'info@acme.example', subject: 'Un nouveau document', text: 'Bonjour', html: '<p>Bonjour</p>' };

describe('the SES mailer', () => {
  it('sends with the configuration set when there is one, so that SES reports bounces and complaints', async () => {
    const ses = recordingSes();
    await expect(new SesMailer(ses.client, 'no-reply@ebox.example.be', 'ebox-emails').send(email)).resolves.toBe('ses-message-1');
    expect(ses.requests).toEqual([
      expect.objectContaining({
        FromEmailAddress: 'no-reply@ebox.example.be',
        Destination: { ToAddresses: ['info@acme.example'] },
        ConfigurationSetName: 'ebox-emails',
      }),
    ]);
  });

  it('sends without one when none is configured (locally)', async () => {
    const ses = recordingSes();
    await new SesMailer(ses.client, 'no-reply@ebox.example.be').send(email);
    expect(ses.requests).toHaveLength(1);
    expect(ses.requests[0]).not.toHaveProperty('ConfigurationSetName');
  });
});
