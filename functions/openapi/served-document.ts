import { buildOpenApiDocument, type OpenApiDocument } from './document';
import { ROUTES } from '../routes';
import { documentSettings } from './settings';

/**
 * Built once per cold start, on the first request: should the document ever fail to build (a
 * route without an operation), only the document's routes answer 500; the other handlers, which
 * the local runtime loads in the same process, are not affected.
 */
let document: OpenApiDocument | undefined;

/** The document with this deployment's URLs (API_BASE_URL, the issuer's endpoints). */
export const servedDocument = (): OpenApiDocument => (document ??= buildOpenApiDocument(ROUTES, documentSettings(process.env)));
