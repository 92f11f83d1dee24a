/**
 * The single table's physical schema: the one source of truth for the CDK stack
 * (infra/constructs/data.ts) and the local runtime (infra/local/resources.ts).
 * Item layouts and access patterns: docs/data-model.md.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB TTL deletes the item after it (the local `ttl` job emulates it). */
  ttlAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
  indexes: {
    /** Overloaded: a person's grants, a sender's messages, the list of senders. */
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    /** Sparse, sharded expiry index: documents expiring on a day, not yet warned. */
    expiry: { partitionKey: 'expiryPk', sortKey: 'expirySk', projection: 'ALL' },
    /** Sparse: a company's unread messages by expiry, to leave expired ones out of the unread count at once. */
    unread: { partitionKey: 'unreadPk', sortKey: 'unreadSk', projection: 'KEYS_ONLY' },
  },
} as const;
