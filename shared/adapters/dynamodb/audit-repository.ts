import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import type { AuditPage, AuditRepository } from '../../ports/audit-repository';
import { cursors } from './cursors';
import * as auditEntryItem from './items/audit-entry';
import { keys } from './keys';
import { toPage } from './pages';

/** The put of one audit entry, to include in a transaction with the action it records. */
export function auditPut(tableName: string, enterpriseNumber: string, entry: AuditEntry) {
  return { Put: { TableName: tableName, Item: auditEntryItem.toItem(enterpriseNumber, entry), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Append-only trail per company, newest first (the sort key is a time-ordered ULID). */
export class DynamoAuditRepository implements AuditRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(enterpriseNumber: string, entry: AuditEntry): Promise<void> {
    await this.db.send(new PutCommand(auditPut(this.tableName, enterpriseNumber, entry).Put));
  }

  async page(enterpriseNumber: string, limit: number, cursor?: string): Promise<AuditPage> {
    const key = keys.auditOf(enterpriseNumber);
    const after = cursor ? cursors.audit.decode(cursor, enterpriseNumber) : undefined;
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': key.pk, ':prefix': key.skPrefix },
        ScanIndexForward: false,
        Limit: limit + 1,
        ExclusiveStartKey: after,
      }),
    );
    const page = toPage(result, limit, (last) => cursors.audit.encode(last, enterpriseNumber));
    return { entries: page.items.map(auditEntryItem.fromItem), ...(page.next ? { next: page.next } : {}) };
  }
}
