import { ulid } from 'ulid';
import { UPLOADS_PREFIX } from '../adapters/s3/document-store';
import type { Container } from '../container';

export interface UploadRequest {
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * Large PDFs go straight to S3 through a presigned PUT; the message refers to the upload and the
 * size and digest are checked when it is published.
 */
export async function createUpload(deps: Pick<Container, 'uploads' | 'documents' | 'clock' | 'config'>, senderId: string, request: UploadRequest) {
  const now = deps.clock.now();
  const uploadId = ulid(now.getTime());
  const objectKey = `${UPLOADS_PREFIX}${senderId}/${uploadId}.pdf`;
  const expiresAt = new Date(now.getTime() + deps.config.presignedUrlSeconds * 1000).toISOString();
  await deps.uploads.put({ uploadId, senderId, fileName: request.fileName, size: request.size, sha256: request.sha256, objectKey, expiresAt });
  const uploadUrl = await deps.documents.uploadUrl(objectKey, request.size, now);
  return { uploadId, uploadUrl, expiresAt };
}
