import type { Ports } from '../ports';

export interface UploadRequest {
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * Large PDFs go straight to the document store through a presigned PUT; the message refers to the
 * upload and the size and digest are checked when it is published.
 */
export async function createUpload(deps: Pick<Ports, 'uploads' | 'documents' | 'clock' | 'ids' | 'settings'>, senderId: string, request: UploadRequest) {
  const now = deps.clock.now();
  const uploadId = deps.ids.newId(now);
  const expiresAt = new Date(now.getTime() + deps.settings.presignedUrlSeconds * 1000).toISOString();
  await deps.uploads.put({ uploadId, senderId, fileName: request.fileName, size: request.size, sha256: request.sha256, expiresAt });
  const uploadUrl = await deps.documents.uploadUrl({ of: 'upload', senderId, uploadId }, request.size, now);
  return { uploadId, uploadUrl, expiresAt };
}
