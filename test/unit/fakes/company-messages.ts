import type { AuditEntry } from '../../../shared/domain/audit';
import type { CompanyMessage } from '../../../shared/domain/company-message';
import { isExpired } from '../../../shared/domain/message';
import type { CompanyMessagePage, CompanyMessagesRepository } from '../../../shared/ports/company-messages-repository';
import { pageOf } from './pages';

const newestFirst = (a: CompanyMessage, b: CompanyMessage) => b.id.localeCompare(a.id);

/** What companies sent to institutions, in memory: lists leave expired ones out, as the real ones do. */
export class FakeCompanyMessages implements CompanyMessagesRepository {
  readonly messages = new Map<string, CompanyMessage>();
  readonly audit: AuditEntry[] = [];

  add(message: CompanyMessage): this {
    this.messages.set(message.id, structuredClone(message));
    return this;
  }

  async put(message: CompanyMessage, audit: AuditEntry): Promise<void> {
    this.add(message);
    this.audit.push(structuredClone(audit));
  }

  async sent(enterpriseNumber: string, id: string): Promise<CompanyMessage | undefined> {
    const message = this.messages.get(id);
    return message?.from === enterpriseNumber ? structuredClone(message) : undefined;
  }

  async repliesTo(enterpriseNumber: string, messageId: string): Promise<CompanyMessage[]> {
    return [...this.messages.values()]
      .filter((message) => message.from === enterpriseNumber && message.inReplyTo === messageId)
      .map((message) => structuredClone(message));
  }

  async sentPage(enterpriseNumber: string, now: Date, limit: number, cursor?: string): Promise<CompanyMessagePage> {
    return this.page((message) => message.from === enterpriseNumber, now, limit, cursor);
  }

  async receivedPage(senderId: string, now: Date, limit: number, cursor?: string): Promise<CompanyMessagePage> {
    return this.page((message) => message.to === senderId, now, limit, cursor);
  }

  async received(senderId: string, id: string): Promise<CompanyMessage | undefined> {
    const message = this.messages.get(id);
    return message?.to === senderId ? structuredClone(message) : undefined;
  }

  async stillAvailable(messages: ReadonlyArray<{ enterpriseNumber: string; id: string }>, now: Date): Promise<Array<{ enterpriseNumber: string; id: string }>> {
    return messages.filter(({ enterpriseNumber, id }) => {
      const stored = this.messages.get(id);
      return stored?.from === enterpriseNumber && !isExpired(stored.expiresAt, now);
    });
  }

  private page(keep: (message: CompanyMessage) => boolean, now: Date, limit: number, cursor?: string): CompanyMessagePage {
    const listed = [...this.messages.values()].filter((message) => keep(message) && !isExpired(message.expiresAt, now)).sort(newestFirst);
    const page = pageOf(listed, limit, cursor);
    return { messages: page.items.map((message) => structuredClone(message)), ...(page.next ? { next: page.next } : {}) };
  }
}
