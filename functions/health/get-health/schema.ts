import { z } from 'zod';

const status = z.enum(['UP', 'DOWN']).meta({
  id: 'HealthStatusCode',
  description: 'UP: the API works as expected; DOWN: it is suffering unexpected failures',
  // belgif's own health statuses are upper case (Spring Boot, MicroProfile Health).
  'x-ignore-rules': { 'cod-design': 'the belgif health status values are UP and DOWN, in upper case' },
});

const dependency = z.object({ status }).meta({ title: 'DependencyHealth', description: 'Whether one dependency answered' });

/** belgif health (common-v1 HealthStatus): details name the dependencies, never the infrastructure. */
export const healthView = z
  .object({
    status,
    details: z
      .object({
        datastore: dependency.meta({ description: 'Where messages, grants and the audit trail are kept' }),
        documentStore: dependency.meta({ description: 'Where the PDFs are kept' }),
      })
      .optional()
      .meta({ title: 'HealthDetails', description: 'When DOWN: which dependency did not answer' }),
  })
  .meta({ id: 'HealthStatus', description: 'The availability of the API (belgif health check)' });
