import { decodeTime, isValid, ulid } from 'ulid';
import type { IdGenerator } from '../ports/id-generator';

export class UlidGenerator implements IdGenerator {
  newId(at: Date): string {
    return ulid(at.getTime());
  }

  /** A ULID starts with its time, in milliseconds. */
  timeOf(id: string): Date | undefined {
    return isValid(id) ? new Date(decodeTime(id)) : undefined;
  }
}
