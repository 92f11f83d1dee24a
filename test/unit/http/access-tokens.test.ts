import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../../../shared/domain/errors';
import { createAccessTokenVerifier } from '../../../shared/http/access-tokens';
import { REQUEST_TIME, signAccessToken, TEST_AUDIENCE, TEST_ISSUER, TEST_JWKS } from '../fixtures/access-tokens';

/** A verifier over the fixture's keys, counting how often a signature is checked (each check asks for a key), on a clock the test moves. */
function verifier() {
  const jwks = createLocalJWKSet(TEST_JWKS);
  const counted = { keyLookups: 0 };
  const keys: JWTVerifyGetKey = (header, token) => {
    counted.keyLookups += 1;
    return jwks(header, token);
  };
  const clock = { at: REQUEST_TIME, now: () => clock.at };
  return { counted, clock, tokens: createAccessTokenVerifier({ issuer: TEST_ISSUER, audiences: [TEST_AUDIENCE], keys, clock }) };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof UnauthenticatedError ? error.reason : String(error)),
  );

describe('access tokens', () => {
  it('checks a signature once per token text, then remembers the verdict', async () => {
    const { counted, tokens } = verifier();
    const token = signAccessToken({ client_id: 'onss-backoffice' });
    const first = await tokens.verify(`Bearer ${token}`);
    const second = await tokens.verify(`Bearer ${token}`);
    expect(second).toEqual(first);
    expect(counted.keyLookups).toBe(1);
  });

  it('refuses a remembered token once it has expired', async () => {
    const { clock, tokens } = verifier();
    const token = signAccessToken({ client_id: 'onss-backoffice' });
    await tokens.verify(`Bearer ${token}`);
    clock.at = new Date(REQUEST_TIME.getTime() + 3_540_000); // exactly exp
    expect(await refusal(tokens.verify(`Bearer ${token}`))).toBe('expiredAccessToken');
  });

  it('remembers no refusal, and a tampered copy of a remembered token is checked (and refused) on its own', async () => {
    const { counted, tokens } = verifier();
    const token = signAccessToken({ client_id: 'onss-backoffice' });
    await tokens.verify(`Bearer ${token}`);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${signAccessToken({ client_id: 'onss-backoffice' }, { signedBy: 'stranger' }).split('.')[2]}`;
    expect(await refusal(tokens.verify(`Bearer ${forged}`))).toBe('invalidAccessToken');
    expect(await refusal(tokens.verify(`Bearer ${forged}`))).toBe('invalidAccessToken');
    const otherAudience = signAccessToken({ aud: 'another-api' });
    expect(await refusal(tokens.verify(`Bearer ${otherAudience}`))).toBe('invalidAccessToken');
    expect(await refusal(tokens.verify(`Bearer ${otherAudience}`))).toBe('invalidAccessToken');
    expect(counted.keyLookups).toBe(5);
  });
});
