import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';

/** The caller's identity, as the token says. */
export const handler = apiHandler({ scopes: [SCOPES.read] }, async ({ caller }) => {
  if (caller.kind === 'person') return ok({ ssin: caller.ssin, name: caller.name, enterprises: [] });
  return ok({ clientId: caller.clientId, enterprises: [] });
});
