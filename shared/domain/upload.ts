/** A presigned upload an institution may attach to one message before it expires. */
export interface Upload {
  uploadId: string;
  senderId: string;
  fileName: string;
  size: number;
  sha256: string;
  expiresAt: string;
}
