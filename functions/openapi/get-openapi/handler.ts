import { publicRouteHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { servedDocument } from '../served-document';
import { route } from './route';

/** GET /openapi.json: the contract (OpenAPI 3.1), generated from the zod schemas the handlers validate with. */
export const handler = publicRouteHandler(route, async () => ok(servedDocument()));
