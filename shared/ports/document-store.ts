/** An uploaded PDF, waiting to be attached to a message. */
export type UploadPdf = { of: 'upload'; senderId: string; uploadId: string };

/** A PDF, named by what it belongs to; only the store knows where it lives. */
export type Pdf =
  | { of: 'message'; enterpriseNumber: string; messageId: string; attachmentId: string }
  | { of: 'companyMessage'; enterpriseNumber: string; id: string; attachmentId: string }
  | UploadPdf;

/** Where the PDFs of one message (`id` is its messageId) or one company message live together. */
export interface PdfFolder {
  of: 'message' | 'companyMessage';
  enterpriseNumber: string;
  id: string;
}

/** A folder as stored: its PDFs, and when the newest of them was written. */
export interface StoredFolder {
  folder: PdfFolder;
  pdfs: Pdf[];
  lastWrittenAt: Date;
}

export interface StoredPdfInfo {
  size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
  /** The first bytes, enough to recognise `%PDF-`. */
  head: Buffer;
  /** The stored version that was read, to copy exactly that one. */
  version?: string;
}

export interface DownloadLink {
  url: string;
  expiresAt: string;
}

/** The PDFs, in a private store: written before the records that refer to them, served through short-lived URLs. */
export interface DocumentStore {
  put(pdf: Pdf, bytes: Buffer, sha256Hex: string): Promise<void>;
  /** Size, digest and first bytes, read in one pass; undefined when there is no such PDF. */
  inspect(pdf: Pdf): Promise<StoredPdfInfo | undefined>;
  /** Copies an upload into place, only if it is still `version`: UploadUnavailableError when it is gone or changed. */
  copy(from: UploadPdf, to: Pdf, version?: string): Promise<void>;
  /** Idempotent: deleting what is already gone succeeds. */
  delete(pdfs: Pdf[]): Promise<void>;
  /** Every folder of messages' (or company messages') PDFs, a page of whole folders at a time. */
  folders(of: PdfFolder['of']): AsyncIterable<StoredFolder[]>;
  /** A URL signed at `now` that expires at `notAfter` at the latest: a URL never outlives its document. */
  downloadUrl(pdf: Pdf, fileName: string, validity: { now: Date; notAfter: Date }): Promise<DownloadLink>;
  /** A URL to PUT an upload's bytes to, signed at `now`. */
  uploadUrl(upload: UploadPdf, size: number, now: Date): Promise<string>;
}
