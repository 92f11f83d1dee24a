import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { DEFAULT_SETTINGS, readSettings } from '../../infra/constructs/settings';

const settingsOf = (context: Record<string, unknown>) => readSettings(new App({ context }));

describe('deployment settings', () => {
  it('default every key, so synth works with no context at all', () => {
    expect(settingsOf({})).toEqual({ ...DEFAULT_SETTINGS, sesIdentity: 'ebox.example.be' });
  });

  it('are the same defaults as cdk.json (apart from sesIdentity, derived from mailFrom)', () => {
    const cdkJson = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
    const settingKeys = Object.keys(cdkJson.context).filter((key) => !key.includes(':'));
    expect(Object.fromEntries(settingKeys.map((key) => [key, cdkJson.context[key]]))).toEqual(DEFAULT_SETTINGS);
  });

  it('leave portalUrl unset unless given: the stack then links to its CloudFront distribution', () => {
    expect(settingsOf({}).portalUrl).toBeUndefined();
    expect(settingsOf({ portalUrl: 'https://ebox.example.be' }).portalUrl).toBe('https://ebox.example.be');
  });

  it("take the portal's OpenID client id from the context", () => {
    expect(settingsOf({ portalClientId: 'ebox-portal-prod' }).portalClientId).toBe('ebox-portal-prod');
  });

  it('derive the SES identity from the sender address unless it is given', () => {
    expect(settingsOf({ mailFrom: 'mail@notify.example.org' }).sesIdentity).toBe('notify.example.org');
    expect(settingsOf({ mailFrom: 'mail@notify.example.org', sesIdentity: 'example.org' }).sesIdentity).toBe('example.org');
  });

  it('accept numbers given as strings (cdk -c key=value)', () => {
    expect(settingsOf({ expiryWarningDays: '30', presignedUrlSeconds: '60' })).toMatchObject({ expiryWarningDays: 30, presignedUrlSeconds: 60 });
  });

  it.each([
    ['jwtIssuer', 'http://auth.example.org/'],
    ['jwtAudience', ''],
    ['mailFrom', 'not-an-address'],
    ['portalUrl', 'ebox.example.be'],
    ['portalClientId', ''],
    ['expiryWarningDays', 91],
    ['presignedUrlSeconds', 'soon'],
  ])('refuse an invalid %s', (key, value) => {
    expect(() => settingsOf({ [key]: value })).toThrow(new RegExp(`Invalid CDK context: ${key}`));
  });
});
