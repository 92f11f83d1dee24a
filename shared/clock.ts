// The local runtime (infra/local) imports the clock from here; use cases take it as a port.
export type { Clock } from './ports/clock';
export { OffsetClock } from './adapters/offset-clock';
