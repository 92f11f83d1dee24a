import { z } from 'zod';

/** belgif cursor pagination: `pageSize` 1–100 (default 25) and an opaque `cursor`. */
export const pageQuery = {
  pageSize: z.coerce.number().int().min(1).max(100).default(25).meta({ description: 'How many items a page holds at most' }),
  cursor: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .meta({ description: "Where the page starts: the opaque cursor of the previous page's `next`; absent for the first page" }),
};

/** The query of a listing that has no filter of its own. */
export const pagedQuery = z.strictObject(pageQuery);
