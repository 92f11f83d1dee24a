import type { Pdf } from '../../ports/document-store';

/** Presigned uploads land under this prefix; the bucket's lifecycle rule removes those never attached. */
export const UPLOADS_PREFIX = 'uploads/';

/**
 * Where each PDF lives in the bucket: the only place object keys are made. The stream consumer
 * finds a removed message's PDFs again from the message alone, so the layout must not change.
 */
export function objectKeyOf(pdf: Pdf): string {
  switch (pdf.of) {
    case 'message':
      return `documents/${pdf.enterpriseNumber}/${pdf.messageId}/${pdf.attachmentId}.pdf`;
    case 'companyMessage':
      return `company-messages/${pdf.enterpriseNumber}/${pdf.id}/${pdf.attachmentId}.pdf`;
    case 'upload':
      return `${UPLOADS_PREFIX}${pdf.senderId}/${pdf.uploadId}.pdf`;
  }
}
