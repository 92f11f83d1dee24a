/**
 * The one clock that use cases read. In AWS it is the system clock; the local runtime moves it
 * forward (POST /local/clock) to show expiry and warnings without waiting for days.
 */
export interface Clock {
  now(): Date;
}
