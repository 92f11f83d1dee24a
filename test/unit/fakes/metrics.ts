import type { MetricName, Metrics } from '../../../shared/ports/metrics';

/** Counts in memory, so tests can tell what a use case counted. */
export class FakeMetrics implements Metrics {
  readonly counts: Partial<Record<MetricName, number>> = {};

  count(name: MetricName, value = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + value;
  }
}
