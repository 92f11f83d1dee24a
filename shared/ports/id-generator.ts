/** New ids for messages, attachments, uploads and company messages. */
export interface IdGenerator {
  /** A new unique id that sorts by `at` (a ULID): sorting by id is sorting by creation time. */
  newId(at: Date): string;
  /** When an id of `newId` was made; undefined for anything else. */
  timeOf(id: string): Date | undefined;
}
