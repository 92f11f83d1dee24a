import { z } from 'zod';
import type { Upload } from '../../../domain/upload';
import { objectKeyOf } from '../../s3/object-keys';
import { keys, ttlOf } from '../keys';
import { parseItem, type Item, type ShapeOf } from './parse';

const schema = z.object({
  uploadId: z.string(),
  senderId: z.string(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  expiresAt: z.string(),
} satisfies ShapeOf<Upload>);

/**
 * Kept a day past the URL's expiry, like the bucket's lifecycle rule for the bytes. The item also
 * names the object its bytes go to (`objectKey`), for whoever inspects the table.
 */
export const toItem = (upload: Upload): Item => ({
  ...keys.upload(upload.uploadId),
  type: 'UPLOAD',
  ttl: ttlOf(upload.expiresAt, 1),
  ...upload,
  objectKey: objectKeyOf({ of: 'upload', senderId: upload.senderId, uploadId: upload.uploadId }),
});

export const fromItem = (item: Item): Upload => parseItem(schema, item);
