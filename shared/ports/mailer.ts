export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends the e-Box's emails from its own address. */
export interface Mailer {
  /** Resolves with the provider's id of the email, when it gives one. */
  send(email: OutgoingEmail): Promise<string | undefined>;
}
