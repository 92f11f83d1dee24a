import type { Caller } from '../domain/caller';
import type { Ports } from '../ports';
import { authorizeInstitution } from './access-control';

export interface UploadRequest {
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * Large PDFs go straight to the document store through a presigned PUT; the message refers to the
 * upload and the size and digest are checked when it is published.
 */
export async function createUpload(
  deps: Pick<Ports, 'clientBindings' | 'uploads' | 'documents' | 'clock' | 'ids' | 'settings'>,
  caller: Caller,
  request: UploadRequest,
) {
  const { senderId } = await authorizeInstitution(deps, caller);
  const now = deps.clock.now();
  const uploadId = deps.ids.newId(now);
  const expiresAt = new Date(now.getTime() + deps.settings.presignedUrlSeconds * 1000).toISOString();
  await deps.uploads.put({ uploadId, senderId, fileName: request.fileName, size: request.size, sha256: request.sha256, expiresAt });
  const uploadUrl = await deps.documents.uploadUrl({ of: 'upload', senderId, uploadId }, request.size, now);
  return { uploadId, uploadUrl, expiresAt };
}
