import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { TableChange } from '../../ports/table-changes';
import * as messageItem from './items/message';
import * as companyMessageItem from './items/company-message';

/**
 * Reads a stream record with the same item codecs as table reads; undefined for changes of other
 * items or of no interest (MODIFY). MalformedItemError when the image is not a valid item.
 */
export function toTableChange(record: DynamoDBRecord): TableChange | undefined {
  const change = record.eventName;
  if (change !== 'INSERT' && change !== 'REMOVE') return undefined;
  const image = change === 'INSERT' ? record.dynamodb?.NewImage : record.dynamodb?.OldImage;
  if (!image) return undefined;
  // aws-lambda's stream types mirror the SDK's AttributeValue without sharing it.
  const item = unmarshall(image as Record<string, AttributeValue>);
  const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
  if (item.type === messageItem.TYPE) return { item: 'message', change, message: messageItem.fromItem(item), sequenceNumber };
  if (item.type === companyMessageItem.TYPE && change === 'REMOVE')
    return { item: 'companyMessage', change, message: companyMessageItem.fromItem(item), sequenceNumber };
  return undefined;
}
