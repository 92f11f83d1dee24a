import { container } from '../../../shared/container';
import { SCOPES } from '../../../shared/domain/roles';
import { apiHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { patchProfile } from '../../../shared/services/enterprise-profile';
import { toProfileView } from '../../views';
import { enterpriseParams as params } from '../enterprise-params';
import { body } from './schema';

/** PATCH /v1/enterprises/{enterpriseNumber}: notification email, language, "everything digital" consent. */
export const handler = apiHandler({ scopes: [SCOPES.read], params, body }, async ({ caller, params, body }) =>
  ok(toProfileView(await patchProfile(container(), caller, params.enterpriseNumber, body))),
);
