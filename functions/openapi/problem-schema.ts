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
  .meta({ id: 'InputValidationIssue', description: 'One offending input of a badRequest: where it is (in, name) and what is wrong with it' });

/** RFC 9457 problem details with the belgif extensions (shared/http/problem.ts). */
export const problemSchema = z
  .object({
    type: z
      .string()
      .meta({ description: 'urn:problem-type:belgif:<name> or urn:problem-type:ebox:<name>', example: 'urn:problem-type:belgif:resourceNotFound' }),
    title: z.string(),
    status: z.number().int().min(400).max(599).meta({ description: 'The HTTP status code' }),
    detail: z.string(),
    instance: z.string().optional(),
    issues: z.array(issueSchema).optional().meta({ description: 'badRequest: one entry per offending input' }),
    requiredScopes: z.array(z.string()).optional().meta({ description: 'missingScope: the token needs one of these' }),
    expiredAt: z.string().optional().meta({ format: 'date-time', description: 'documentExpired: when the document expired' }),
  })
  .meta({ id: 'Problem', description: 'A refusal or a failure: RFC 9457 problem details, with the belgif problem types' });

/** What API Gateway itself answers when it refuses a request before a function runs (429, 413, some 5xx). */
export const gatewayErrorSchema = z
  .object({ message: z.string().meta({ example: 'Too Many Requests' }) })
  .meta({ id: 'GatewayError', description: "API Gateway's own refusal, not a problem+json: `message` says what happened" });

/**
 * Compile-time proof that the documented Problem is exactly the one the HTTP stack answers.
 * Exported only so that it is not an unused local; nothing imports it.
 * @public
 */
export type ProblemFits = [Fits<Problem, z.output<typeof problemSchema>>, Fits<z.output<typeof problemSchema>, Problem>];
type Fits<Actual extends Documented, Documented> = [Actual, Documented];
