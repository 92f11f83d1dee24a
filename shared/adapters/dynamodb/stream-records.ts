import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Message } from '../../domain/message';
import { fromItem } from './items';

/** A change of a message in the table, as the jobs care about it. */
export type MessageChange = { change: 'INSERT' | 'REMOVE'; message: Message; sequenceNumber: string; byTtl: boolean };

/** Reads a stream record; undefined for changes of other items or of no interest (MODIFY). */
export function toMessageChange(record: DynamoDBRecord): MessageChange | undefined {
  const image = record.eventName === 'INSERT' ? record.dynamodb?.NewImage : record.eventName === 'REMOVE' ? record.dynamodb?.OldImage : undefined;
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item.type !== 'MESSAGE') return undefined;
  return {
    change: record.eventName as 'INSERT' | 'REMOVE',
    message: fromItem<Message>(item),
    sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
    // DynamoDB TTL deletions are made by the service principal.
    byTtl: record.userIdentity?.principalId === 'dynamodb.amazonaws.com',
  };
}
