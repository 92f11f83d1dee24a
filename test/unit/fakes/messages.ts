import type { EnterpriseNumber } from '../../../shared/domain/enterprise-number';
import type { Message } from '../../../shared/domain/message';

/** A company's copy of a message, with plausible defaults. */
export function aMessage(overrides: Partial<Message> & Pick<Message, 'messageId' | 'enterpriseNumber'> & { enterpriseNumber: EnterpriseNumber }): Message {
  return {
    senderId: 'spf-finances',
    senderName: { fr: 'SPF Finances', nl: 'FOD Financiën', de: 'FÖD Finanzen', en: 'FPS Finance' },
    documentType: { code: 'TAX_NOTICE', name: { fr: 'Avertissement-extrait de rôle', nl: 'Aanslagbiljet' } },
    subject: { fr: 'Votre avertissement-extrait de rôle', nl: 'Uw aanslagbiljet' },
    registered: false,
    replyable: false,
    publishedAt: '2026-03-01T09:00:00.000Z',
    expiresAt: '2026-06-01T09:00:00.000Z',
    read: false,
    attachments: [],
    ...overrides,
  };
}
