import { z } from 'zod';

export const body = z.strictObject({ read: z.boolean() }).meta({ title: 'ReadMark', description: "The company's read mark" });
