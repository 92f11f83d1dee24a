import { z } from 'zod';

export const body = z.strictObject({ read: z.boolean() });
