import { MetricUnit, type Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { MetricName, Metrics } from '../../ports/metrics';

/**
 * Counts as CloudWatch Embedded Metric Format lines (Powertools Metrics): no API call, CloudWatch
 * reads them from the function's log. The handlers' middleware flushes them at the end of each
 * invocation (shared/lambda-handlers.ts).
 */
export class EmfMetrics implements Metrics {
  constructor(private readonly metrics: PowertoolsMetrics) {}

  count(name: MetricName, value = 1): void {
    if (value > 0) this.metrics.addMetric(name, MetricUnit.Count, value);
  }
}
