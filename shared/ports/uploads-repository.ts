import type { Upload } from '../domain/upload';

/** Uploads waiting to be attached; publishing a message uses them up (MessagesRepository.publish). */
export interface UploadsRepository {
  put(upload: Upload): Promise<void>;
  get(uploadId: string): Promise<Upload | undefined>;
}
