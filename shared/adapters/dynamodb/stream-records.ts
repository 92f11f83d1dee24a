import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { TableChange } from '../../ports/table-changes';
import * as messageItem from './items/message';
import * as companyMessageItem from './items/company-message';

/**
 * What is read of a stream record: Lambda's event record (aws-lambda's DynamoDBRecord), or one
 * kept whole in a failure record by the S3 on-failure destination.
 */
export interface StreamRecordImage {
  eventName?: string;
  dynamodb?: { SequenceNumber?: string; NewImage?: Record<string, unknown>; OldImage?: Record<string, unknown> };
}

/**
 * Reads a stream record with the same item codecs as table reads; undefined for changes of other
 * items or of no interest (MODIFY). MalformedItemError when the image is not a valid item.
 */
export function toTableChange(record: StreamRecordImage): TableChange | undefined {
  const change = record.eventName;
  if (change !== 'INSERT' && change !== 'REMOVE') return undefined;
  const image = change === 'INSERT' ? record.dynamodb?.NewImage : record.dynamodb?.OldImage;
  if (!image) return undefined;
  // Stream images are AttributeValue maps (aws-lambda's types mirror the SDK's without sharing
  // them); unmarshall reads them and the item codec then checks every attribute.
  const item = unmarshall(image as Record<string, AttributeValue>);
  const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
  if (item.type === messageItem.TYPE)
    return { item: 'message', change, message: messageItem.fromItem(item), countedUnread: messageItem.isCountedUnread(item), sequenceNumber };
  if (item.type === companyMessageItem.TYPE && change === 'REMOVE')
    return { item: 'companyMessage', change, message: companyMessageItem.fromItem(item), sequenceNumber };
  return undefined;
}
