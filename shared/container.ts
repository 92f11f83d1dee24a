import { createAwsClients, type AwsClients } from './adapters/aws-clients';
import { OffsetClock } from './clock';
import { config, type Config } from './config';

/**
 * The composition root: configuration, clock and AWS clients, created once per container (cold
 * start) and shared by every invocation. Handlers take what they need from here; use cases receive
 * their ports as arguments, so unit tests pass plain fakes instead.
 */
export interface Container {
  config: Config;
  clock: OffsetClock;
  clients: AwsClients;
}

let current: Container | undefined;

export function container(): Container {
  if (!current) {
    const settings = config();
    current = { config: settings, clock: new OffsetClock(settings.clockOffsetMs), clients: createAwsClients(settings) };
  }
  return current;
}
