import { z } from 'zod';

/** Ids chosen by ops or institutions (senderId, clientId, externalId, document type codes). */
export const idSchema = z.string().regex(/^[A-Za-z0-9][\w.:@-]{0,99}$/, 'use 1 to 100 letters, digits or . _ : @ - (starting with a letter or digit)');

/** Ids this API generates (messages, attachments, uploads): ULIDs. */
export const generatedIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not an id this API issued');
