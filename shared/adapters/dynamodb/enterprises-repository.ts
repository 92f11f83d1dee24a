import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Grant } from '../../domain/access';
import type { AuditEntry } from '../../domain/audit';
import { DEFAULT_LANGUAGE, type EnterpriseProfile } from '../../domain/enterprise';
import type { EnterpriseNumber } from '../../domain/enterprise-number';
import { MissingPermissionError } from '../../domain/errors';
import type { EnterpriseDetails, EnterprisesRepository, ProfileChanges } from '../../ports/enterprises-repository';
import { auditPut } from './audit-repository';
import { conditionFailedAt, isConditionFailure } from './conditions';
import { consistentBatchGet } from './consistent-batch-get';
import * as grantItem from './items/grant';
import * as profileItem from './items/profile';
import { keys, primaryKey } from './keys';

/** A company's profile and the grants of its people (by company, and by person through gsi1). */
export class DynamoEnterprisesRepository implements EnterprisesRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getProfile(enterpriseNumber: EnterpriseNumber): Promise<EnterpriseProfile | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.enterprise(enterpriseNumber), ConsistentRead: true }));
    return Item ? profileItem.fromItem(enterpriseNumber, Item) : undefined;
  }

  /** Registration by ops: name and contact details; consent and unread count are kept. */
  async register(enterpriseNumber: EnterpriseNumber, details: EnterpriseDetails, managers: Grant[], audit: AuditEntry[]): Promise<void> {
    const sets = [
      '#type = :type',
      'enterpriseNumber = :n',
      '#name = :name',
      'digitalOnly = if_not_exists(digitalOnly, :false)',
      'unreadCount = if_not_exists(unreadCount, :zero)',
    ];
    const values: Record<string, unknown> = { ':type': 'ENTERPRISE', ':n': enterpriseNumber, ':name': details.name, ':false': false, ':zero': 0 };
    if (details.notificationEmail !== undefined) {
      sets.push('notificationEmail = :email');
      values[':email'] = details.notificationEmail;
    }
    sets.push(details.language !== undefined ? '#language = :language' : '#language = if_not_exists(#language, :language)');
    values[':language'] = details.language ?? DEFAULT_LANGUAGE;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.enterprise(enterpriseNumber),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ExpressionAttributeNames: { '#type': 'type', '#name': 'name', '#language': 'language' },
              ExpressionAttributeValues: values,
            },
          },
          ...managers.map((grant) => ({ Put: { TableName: this.tableName, Item: grantItem.toItem(grant) } })),
          ...audit.map((entry) => auditPut(this.tableName, enterpriseNumber, entry)),
        ],
      }),
    );
  }

  async updateProfile(enterpriseNumber: EnterpriseNumber, changes: ProfileChanges, audit: AuditEntry[]): Promise<void> {
    const sets: string[] = [];
    const values: Record<string, unknown> = {};
    if (changes.notificationEmail !== undefined) {
      sets.push('notificationEmail = :email');
      values[':email'] = changes.notificationEmail;
    }
    if (changes.language !== undefined) {
      sets.push('#language = :language');
      values[':language'] = changes.language;
    }
    if (changes.digitalOnly !== undefined) {
      sets.push('digitalOnly = :digital', 'digitalOnlySince = :since', 'digitalOnlyBy = :by');
      Object.assign(values, { ':digital': changes.digitalOnly.value, ':since': changes.digitalOnly.since, ':by': changes.digitalOnly.by });
    }
    if (sets.length === 0) return;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.enterprise(enterpriseNumber),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: changes.language !== undefined ? { '#language': 'language' } : undefined,
              ExpressionAttributeValues: values,
            },
          },
          ...audit.map((entry) => auditPut(this.tableName, enterpriseNumber, entry)),
        ],
      }),
    );
  }

  /** Strongly consistent: a revoked person is refused on the very next request. */
  async getGrant(enterpriseNumber: string, ssin: string): Promise<Grant | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: primaryKey(keys.grant(enterpriseNumber, ssin)), ConsistentRead: true }),
    );
    return Item ? grantItem.fromItem(Item) : undefined;
  }

  /** One consistent BatchGetItem for both (retrying what DynamoDB leaves unprocessed). */
  async getProfileAndGrant(enterpriseNumber: EnterpriseNumber, ssin: string): Promise<{ profile?: EnterpriseProfile; grant?: Grant }> {
    const [profile, grant] = await consistentBatchGet(this.db, this.tableName, [
      keys.enterprise(enterpriseNumber),
      primaryKey(keys.grant(enterpriseNumber, ssin)),
    ]);
    return { ...(profile ? { profile: profileItem.fromItem(enterpriseNumber, profile) } : {}), ...(grant ? { grant: grantItem.fromItem(grant) } : {}) };
  }

  /**
   * Sets the unread counter's bound, unless a message was marked unread since the profile was
   * read (`markedAt` as read then) or the profile is gone: then nothing is written.
   */
  async setUnreadCountExactUntil(enterpriseNumber: EnterpriseNumber, until: string, markedAt: string | undefined): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.enterprise(enterpriseNumber),
          UpdateExpression: 'SET unreadCountExactUntil = :until',
          ConditionExpression: `attribute_exists(pk) AND ${markedAt === undefined ? 'attribute_not_exists(unreadMarkedAt)' : 'unreadMarkedAt = :marked'}`,
          ExpressionAttributeValues: { ':until': until, ...(markedAt === undefined ? {} : { ':marked': markedAt }) },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * Writes a USER grant made by an access manager. The condition keeps a concurrent appointment
   * as access manager (admin API) from being overwritten.
   */
  async putUserGrant(grant: Grant & { role: 'USER' }, audit: AuditEntry): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: grantItem.toItem(grant),
                ConditionExpression: 'attribute_not_exists(pk) OR #role = :user',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':user': 'USER' },
              },
            },
            auditPut(this.tableName, grant.enterpriseNumber, audit),
          ],
        }),
      );
    } catch (error) {
      if (conditionFailedAt(error, 0)) throw new MissingPermissionError(`${grant.ssin} is an access manager; only the e-Box administrators change that`);
      throw error;
    }
  }

  /** Revokes a USER grant; an access manager's (appointed meanwhile, perhaps) is left alone. */
  async deleteUserGrant(enterpriseNumber: string, ssin: string, audit: AuditEntry): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: primaryKey(keys.grant(enterpriseNumber, ssin)),
                ConditionExpression: '#role = :user',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':user': 'USER' },
              },
            },
            auditPut(this.tableName, enterpriseNumber, audit),
          ],
        }),
      );
    } catch (error) {
      if (conditionFailedAt(error, 0)) throw new MissingPermissionError(`${ssin} is no longer a USER of the e-Box of ${enterpriseNumber}; nothing was revoked`);
      throw error;
    }
  }

  async grantsOfEnterprise(enterpriseNumber: string): Promise<Grant[]> {
    const key = keys.grantsOf(enterpriseNumber);
    return this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': key.pk, ':prefix': key.skPrefix },
      ConsistentRead: true,
    });
  }

  async grantsOfPerson(ssin: string): Promise<Grant[]> {
    return this.queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.grantsOfPerson(ssin).gsi1pk } });
  }

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): Promise<Grant[]> {
    const grants: Grant[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }));
      grants.push(...(page.Items ?? []).map(grantItem.fromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return grants;
  }
}

/** The update that keeps a company's unread counter in step with a message, inside the transaction that changes it. */
export function unreadCountDelta(tableName: string, enterpriseNumber: string, delta: number) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.enterprise(enterpriseNumber),
      UpdateExpression: 'ADD unreadCount :delta',
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/**
 * The counter's update when a message is marked unread: it may expire before the counter's bound,
 * so the bound goes, and the mark's time keeps readers from setting another too soon (unread-count.ts).
 */
export function markedUnreadCount(tableName: string, enterpriseNumber: string, at: string) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.enterprise(enterpriseNumber),
      UpdateExpression: 'ADD unreadCount :one SET unreadMarkedAt = :at REMOVE unreadCountExactUntil',
      ExpressionAttributeValues: { ':one': 1, ':at': at },
    },
  };
}
