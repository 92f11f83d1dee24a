import { readFileSync } from 'node:fs';
import path from 'node:path';
import { call } from './support/api';
import { grantUser, registerCompany, revoke } from './support/personas';

/**
 * What the runtime logs, read from its log file (.local-data/integration-runtime.log, where the
 * global setup sends the runtime's output): requests whose paths carry SSINs are logged, with the
 * SSIN masked, and no SSIN or email address appears in clear anywhere.
 */
const LOG = path.resolve(__dirname, '../../.local-data/integration-runtime.log');
const MASKED_PATH = /"path":"\/v1\/enterprises\/\d{10}\/access\/\*{11}"/;

/** The log once the runtime's output for the requests made so far has reached the file. */
async function logAfterRequests(): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const text = readFileSync(LOG, 'utf8');
    if (MASKED_PATH.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return readFileSync(LOG, 'utf8');
}

describe('logs', () => {
  it('mask the SSINs of paths, refusals included, and never write an SSIN or an email address in clear', async () => {
    const company = await registerCompany();
    const user = await grantUser(company);
    await revoke(company, user.ssin);
    // A refusal: the same revocation again (404), logged with its detail.
    const again = await call('DELETE', `/v1/enterprises/${company.enterpriseNumber}/access/${user.ssin}`, { token: company.manager.token });
    expect(again.status).toBe(404);

    const log = await logAfterRequests();
    expect(log).toMatch(MASKED_PATH);
    for (const secret of [user.ssin, company.manager.ssin, company.email]) expect(log).not.toContain(secret);
  });
});
