import type { Pdf, PdfFolder } from '../../ports/document-store';

/** Presigned uploads land under this prefix; the bucket's lifecycle rule removes those never attached. */
export const UPLOADS_PREFIX = 'uploads/';

/** Where the folders of messages' and company messages' PDFs start (the reconciliation job may list only these). */
export const FOLDER_PREFIXES: Readonly<Record<PdfFolder['of'], string>> = { message: 'documents/', companyMessage: 'company-messages/' };

/**
 * Where each PDF lives in the bucket: the only place object keys are made. The stream consumer
 * finds a removed message's PDFs again from the message alone, so the layout must not change.
 */
export function objectKeyOf(pdf: Pdf): string {
  switch (pdf.of) {
    case 'message':
      return `${FOLDER_PREFIXES.message}${pdf.enterpriseNumber}/${pdf.messageId}/${pdf.attachmentId}.pdf`;
    case 'companyMessage':
      return `${FOLDER_PREFIXES.companyMessage}${pdf.enterpriseNumber}/${pdf.id}/${pdf.attachmentId}.pdf`;
    case 'upload':
      return `${UPLOADS_PREFIX}${pdf.senderId}/${pdf.uploadId}.pdf`;
  }
}

const FOLDER_KEY = /^([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.pdf$/;

/** The message or company message PDF an object key names, read back; undefined for any other key. */
export function folderPdfOfKey(key: string): { folder: PdfFolder; pdf: Pdf } | undefined {
  const [, area, enterpriseNumber, id, attachmentId] = FOLDER_KEY.exec(key) ?? [];
  if (!area || !enterpriseNumber || !id || !attachmentId) return undefined;
  if (`${area}/` === FOLDER_PREFIXES.message)
    return { folder: { of: 'message', enterpriseNumber, id }, pdf: { of: 'message', enterpriseNumber, messageId: id, attachmentId } };
  if (`${area}/` === FOLDER_PREFIXES.companyMessage)
    return { folder: { of: 'companyMessage', enterpriseNumber, id }, pdf: { of: 'companyMessage', enterpriseNumber, id, attachmentId } };
  return undefined;
}
