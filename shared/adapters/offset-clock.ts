import type { Clock } from '../ports/clock';

/** The system clock, shifted by an offset that the local runtime moves (POST /local/clock); 0 in AWS. */
export class OffsetClock implements Clock {
  constructor(private offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
