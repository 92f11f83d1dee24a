import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '../../ports/mailer';

/**
 * Sends through SES v2 from the configured (verified) identity, with the configuration set when
 * there is one (in AWS: it reports bounces and complaints).
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(email: OutgoingEmail): Promise<string | undefined> {
    const result = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
          },
        },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      }),
    );
    return result.MessageId;
  }
}
