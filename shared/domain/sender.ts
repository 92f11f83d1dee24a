import type { MultilingualText } from './text';

export const SENDER_LEVELS = ['FEDERAL', 'REGIONAL', 'COMMUNITY', 'LOCAL'] as const;
type SenderLevel = (typeof SENDER_LEVELS)[number];

export interface DocumentType {
  code: string;
  name: MultilingualText;
  /** How long a document of this type stays in the e-Box, set by the institution. */
  validityDays: number;
}

/** A public institution that publishes to companies. */
export interface Sender {
  senderId: string;
  name: MultilingualText;
  level: SenderLevel;
  /** Whether companies may send it their own messages. */
  acceptsMessages: boolean;
  documentTypes: DocumentType[];
}

export function findDocumentType(sender: Sender, code: string): DocumentType | undefined {
  return sender.documentTypes.find((type) => type.code === code);
}
