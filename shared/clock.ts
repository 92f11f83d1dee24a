/**
 * The one clock that handlers and jobs read. In AWS it is the system clock; the local runtime
 * moves it forward (POST /local/clock) to show expiry and warnings without waiting for days.
 */
export interface Clock {
  now(): Date;
}

export class OffsetClock implements Clock {
  constructor(private offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
