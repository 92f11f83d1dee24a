import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { AuditEntry } from '../../domain/audit';
import { cursors } from './cursors';
import { fromItem, toPage } from './items';
import { keys } from './keys';

/** The put of one audit entry, to include in a transaction with the action it records. */
export function auditPut(tableName: string, enterpriseNumber: string, entry: AuditEntry) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.audit(enterpriseNumber, ulid(Date.parse(entry.at))), type: 'AUDIT', enterpriseNumber, ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Append-only trail per company, newest first (the sort key is a time-ordered ULID). */
export class AuditRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(enterpriseNumber: string, entry: AuditEntry): Promise<void> {
    await this.db.send(new PutCommand(auditPut(this.tableName, enterpriseNumber, entry).Put));
  }

  async page(enterpriseNumber: string, limit: number, cursor?: string): Promise<{ entries: AuditEntry[]; next?: string }> {
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
    return {
      entries: page.items.map((item) => {
        const { enterpriseNumber: _n, ...entry } = fromItem<AuditEntry & { enterpriseNumber: string }>(item);
        return entry;
      }),
      ...(page.next ? { next: page.next } : {}),
    };
  }
}
