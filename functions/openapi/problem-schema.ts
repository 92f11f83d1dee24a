import { z } from 'zod';
import type { Problem } from '../../shared/http/problem';

const issueSchema = z
  .object({
    type: z.string().meta({ example: 'urn:problem-type:belgif:input-validation:schemaViolation' }),
    title: z.string(),
    in: z.enum(['body', 'query', 'path', 'header']),
    name: z.string().meta({ description: "The field's path", example: 'attachments[0].contentBase64' }),
    value: z.unknown().optional(),
    detail: z.string(),
  })
  .meta({ id: 'InputValidationIssue' });

/** RFC 9457 problem details with the belgif extensions (shared/http/problem.ts). */
export const problemSchema = z
  .object({
    type: z
      .string()
      .meta({ description: 'urn:problem-type:belgif:<name> or urn:problem-type:ebox:<name>', example: 'urn:problem-type:belgif:resourceNotFound' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    issues: z.array(issueSchema).optional().meta({ description: 'badRequest: one entry per offending input' }),
    requiredScopes: z.array(z.string()).optional().meta({ description: 'missingScope: the token needs one of these' }),
    expiredAt: z.string().optional().meta({ format: 'date-time', description: 'documentExpired: when the document expired' }),
  })
  .meta({ id: 'Problem' });

/**
 * Compile-time proof that the documented Problem is exactly the one the HTTP stack answers.
 * Exported only so that it is not an unused local; nothing imports it.
 * @public
 */
export type ProblemFits = [Fits<Problem, z.output<typeof problemSchema>>, Fits<z.output<typeof problemSchema>, Problem>];
type Fits<Actual extends Documented, Documented> = [Actual, Documented];
