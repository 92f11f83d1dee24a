/** The belgif health statuses the e-Box reports (`DEGRADED` does not apply: without either store, nothing works). */
export type HealthStatus = 'UP' | 'DOWN';

/** What the API cannot work without, by a name that tells nothing of the infrastructure. */
export type Dependency = 'datastore' | 'documentStore';

/** The availability of the API: DOWN as soon as one dependency does not answer. */
export interface HealthReport {
  status: HealthStatus;
  details: Readonly<Record<Dependency, { status: HealthStatus }>>;
}

/** Checks the dependencies cheaply, with a short timeout; GET /health calls it on every request. */
export interface HealthProbe {
  check(): Promise<HealthReport>;
}
