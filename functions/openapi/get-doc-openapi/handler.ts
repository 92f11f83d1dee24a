import { publicRouteHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { servedDocument } from '../served-document';
import { route } from './route';

/** GET /doc/openapi.json: the contract where belgif expects it, the same document as /openapi.json. */
export const handler = publicRouteHandler(route, async () => ok(servedDocument()));
