import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as messageItem from '../../../shared/adapters/dynamodb/items/message';
import * as profileItem from '../../../shared/adapters/dynamodb/items/profile';
import * as uploadItem from '../../../shared/adapters/dynamodb/items/upload';
import { toTableChange } from '../../../shared/adapters/dynamodb/stream-records';
import { MalformedItemError } from '../../../shared/domain/errors';
import { enterpriseNumber } from '../fakes/ids';
import { aMessage } from '../fakes/messages';

const N = enterpriseNumber('01234567');
const ID = '01JD5Z3M8Q0000000000000000';
const message = aMessage({
  messageId: ID,
  enterpriseNumber: N,
  attachments: [{ attachmentId: '01JD5Z3M8Q0000000000000001', fileName: 'avis.pdf', mediaType: 'application/pdf', size: 10, sha256: 'ab' }],
});

function malformed(run: () => unknown): MalformedItemError {
  try {
    run();
  } catch (error) {
    if (error instanceof MalformedItemError) return error;
    throw error;
  }
  throw new Error('expected a MalformedItemError');
}

const streamRecord = (eventName: DynamoDBRecord['eventName'], item: Record<string, unknown>): DynamoDBRecord => ({
  eventName,
  dynamodb: { SequenceNumber: '42', [eventName === 'INSERT' ? 'NewImage' : 'OldImage']: marshall(item) },
});

describe('item codecs', () => {
  it('write a message with its keys, index entries and TTL, and read back the message alone', () => {
    const item = messageItem.toItem(message);
    expect(item).toMatchObject({ pk: `ENT#${N}`, sk: `MSG#${ID}`, type: 'MESSAGE', ttl: Date.parse(message.expiresAt) / 1000, unreadPk: `UNREAD#${N}` });
    expect(item.expiryPk).toMatch(/^EXP#2026-06-01#[0-7]$/);
    expect(messageItem.fromItem({ ...item, warnedAt: '2026-05-20T00:00:00.000Z' })).toEqual(message);
  });

  it('refuse a malformed item, naming its key and every problem', () => {
    const { read: _read, ...unreadless } = messageItem.toItem(message);
    const error = malformed(() => messageItem.fromItem({ ...unreadless, attachments: [{ ...message.attachments[0], size: '10' }] }));
    expect(error.key).toBe(`ENT#${N} / MSG#${ID}`);
    expect(error.problems).toEqual([expect.stringMatching(/^read: /), expect.stringMatching(/^attachments\.0\.size: /)]);
    expect(error.message).toContain(`ENT#${N} / MSG#${ID}`);
  });

  it('refuse a stored enterprise number with wrong check digits', () => {
    expect(() => messageItem.fromItem({ ...messageItem.toItem(message), enterpriseNumber: '0123456700' })).toThrow(MalformedItemError);
  });

  it('read a bare profile (made by the unread counter alone) with its defaults', () => {
    expect(profileItem.fromItem(N, { pk: `ENT#${N}`, sk: 'PROFILE', unreadCount: -1 })).toEqual({
      enterpriseNumber: N,
      language: 'fr',
      digitalOnly: false,
      unreadCount: 0,
    });
  });

  it('keep the object key in an upload item, as before', () => {
    const upload = { uploadId: ID, senderId: 'onss', fileName: 'big.pdf', size: 10, sha256: 'ab', expiresAt: '2026-03-10T09:05:00.000Z' };
    const item = uploadItem.toItem(upload);
    expect(item).toMatchObject({ pk: `UPLOAD#${ID}`, sk: 'UPLOAD', objectKey: `uploads/onss/${ID}.pdf` });
    expect(uploadItem.fromItem(item)).toEqual(upload);
  });
});

describe('stream records', () => {
  it('read a published and a removed message with the same codec as table reads', () => {
    expect(toTableChange(streamRecord('INSERT', messageItem.toItem(message)))).toEqual({
      item: 'message',
      change: 'INSERT',
      message,
      countedUnread: true,
      sequenceNumber: '42',
    });
    expect(toTableChange(streamRecord('REMOVE', messageItem.toItem(message)))).toMatchObject({ item: 'message', change: 'REMOVE', message });
  });

  it('tell whether a removed message still counted as unread, not just whether it was unread', () => {
    const { unreadPk: _pk, unreadSk: _sk, ...stored } = messageItem.toItem(message);
    expect(toTableChange(streamRecord('REMOVE', messageItem.toItem(message)))).toMatchObject({ countedUnread: true });
    expect(toTableChange(streamRecord('REMOVE', { ...stored, uncounted: true }))).toMatchObject({ message: { read: false }, countedUnread: false });
    expect(toTableChange(streamRecord('REMOVE', { ...stored, read: true }))).toMatchObject({ countedUnread: false });
  });

  it('leave out changes of no interest', () => {
    expect(toTableChange(streamRecord('MODIFY', messageItem.toItem(message)))).toBeUndefined();
    expect(toTableChange(streamRecord('INSERT', { pk: 'CLIENT#x', sk: 'BINDING', type: 'CLIENT', clientId: 'x' }))).toBeUndefined();
  });

  it('refuse a malformed image', () => {
    const { subject: _subject, ...item } = messageItem.toItem(message);
    expect(malformed(() => toTableChange(streamRecord('REMOVE', item))).problems).toEqual([expect.stringMatching(/^subject: /)]);
  });
});
