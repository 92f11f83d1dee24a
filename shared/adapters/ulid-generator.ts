import { ulid } from 'ulid';
import type { IdGenerator } from '../ports/id-generator';

export class UlidGenerator implements IdGenerator {
  newId(at: Date): string {
    return ulid(at.getTime());
  }
}
