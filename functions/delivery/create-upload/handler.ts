import { container } from '../../../shared/container';
import { routeHandler } from '../../../shared/http/api-handler';
import { createUpload } from '../../../shared/services/uploads';
import { route } from './route';

/** POST /v1/uploads: a presigned PUT URL for a PDF too large to send inline. */
export const handler = routeHandler(route, async ({ caller, body }) => {
  const deps = container();
  return { status: 201, body: await createUpload(deps, caller, body) };
});
