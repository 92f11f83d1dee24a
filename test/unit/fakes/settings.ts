import type { Settings } from '../../../shared/ports/settings';

/** The settings use cases read, at their defaults. */
export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    portalUrl: 'https://portal.ebox.example/',
    expiryWarningDays: 14,
    companyMessageValidityDays: 365,
    presignedUrlSeconds: 300,
    ...overrides,
  };
}
