import { z } from 'zod';
import { LIMITS } from '../../../shared/domain/message';
import { fileNameSchema } from '../../../shared/domain/schemas';

export const body = z
  .strictObject({
    fileName: fileNameSchema,
    mediaType: z.literal('application/pdf', { message: 'only application/pdf can be uploaded' }),
    size: z.number().int().min(5).max(LIMITS.uploadBytes, `an upload holds at most ${LIMITS.uploadBytes} bytes (50 MiB)`),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the file, 64 hexadecimal digits')
      .transform((value) => value.toLowerCase()),
  })
  .meta({ title: 'UploadInput', description: 'The PDF to come: its name, size and SHA-256, checked at publication' });

export const response = z
  .object({
    uploadId: z.string(),
    uploadUrl: z.string().meta({ description: 'The presigned URL to PUT the bytes to (Content-Type: application/pdf)' }),
    expiresAt: z.string().meta({ description: 'When uploadUrl stops working' }),
  })
  .meta({ id: 'Upload', description: 'Where to put a large PDF before publishing the message that attaches it' });
