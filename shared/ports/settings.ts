/** What use cases read from the configuration, and nothing else of it. */
export interface Settings {
  /** Base URL of the company portal, linked from emails. */
  readonly portalUrl: string;
  /** Days before expiry when a company is warned. */
  readonly expiryWarningDays: number;
  /** How long a company's own message to an institution stays available (replies expire with the message they answer). */
  readonly companyMessageValidityDays: number;
  /** Lifetime of presigned download and upload URLs. */
  readonly presignedUrlSeconds: number;
}
