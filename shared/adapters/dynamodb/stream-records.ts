import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Message } from '../../domain/message';
import type { OutgoingMessage } from '../../domain/outgoing';
import { fromItem } from './items';

/**
 * A change in the table, as the jobs care about it: a message published or removed (TTL at
 * expiry), or a company's own message removed (TTL at its expiry).
 */
export type TableChange =
  | { item: 'message'; change: 'INSERT' | 'REMOVE'; message: Message; sequenceNumber: string }
  | { item: 'companyMessage'; change: 'REMOVE'; message: OutgoingMessage; sequenceNumber: string };

/** Reads a stream record; undefined for changes of other items or of no interest (MODIFY). */
export function toTableChange(record: DynamoDBRecord): TableChange | undefined {
  const image = record.eventName === 'INSERT' ? record.dynamodb?.NewImage : record.eventName === 'REMOVE' ? record.dynamodb?.OldImage : undefined;
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
  if (item.type === 'MESSAGE') {
    return { item: 'message', change: record.eventName as 'INSERT' | 'REMOVE', message: fromItem<Message>(item), sequenceNumber };
  }
  if (item.type === 'OUTGOING' && record.eventName === 'REMOVE') {
    return { item: 'companyMessage', change: 'REMOVE', message: fromItem<OutgoingMessage>(item), sequenceNumber };
  }
  return undefined;
}
