import { z } from 'zod';
import type { Actor } from '../../../domain/access';
import type { AttachmentMeta } from '../../../domain/message';
import type { MultilingualText } from '../../../domain/text';
import type { ShapeOf } from './parse';

// Values that several stored entities hold.

export const textSchema = z.object({
  fr: z.string().optional(),
  nl: z.string().optional(),
  de: z.string().optional(),
  en: z.string().optional(),
} satisfies ShapeOf<MultilingualText>);

export const attachmentSchema = z.object({
  attachmentId: z.string(),
  fileName: z.string(),
  mediaType: z.literal('application/pdf'),
  size: z.number(),
  sha256: z.string(),
} satisfies ShapeOf<AttachmentMeta>);

export const actorSchema = z.object({
  ssin: z.string().optional(),
  clientId: z.string().optional(),
  name: z.string().optional(),
} satisfies ShapeOf<Actor>);
