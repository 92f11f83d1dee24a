import { publicRouteHandler } from '../../../shared/http/api-handler';
import { ok } from '../../../shared/http/responses';
import { buildOpenApiDocument, type OpenApiDocument } from '../document';
import { route } from './route';

/**
 * Built once per cold start, on the first request: should the document ever fail to build (a
 * route without an operation), only this route answers 500; the other handlers, which the local
 * runtime loads in the same process, are not affected.
 */
let document: OpenApiDocument | undefined;

/** GET /openapi.json: the contract (OpenAPI 3.1), generated from the zod schemas the handlers validate with. */
export const handler = publicRouteHandler(route, async () => {
  document ??= buildOpenApiDocument();
  return ok(document);
});
