import { objectKeyOf, UPLOADS_PREFIX } from '../../../shared/adapters/s3/object-keys';

describe('object keys', () => {
  it('keep the bucket layout of messages, company messages and uploads', () => {
    expect(objectKeyOf({ of: 'message', enterpriseNumber: '0123456749', messageId: 'M1', attachmentId: 'A1' })).toBe('documents/0123456749/M1/A1.pdf');
    expect(objectKeyOf({ of: 'companyMessage', enterpriseNumber: '0123456749', id: 'S1', attachmentId: 'A1' })).toBe('company-messages/0123456749/S1/A1.pdf');
    expect(objectKeyOf({ of: 'upload', senderId: 'onss', uploadId: 'U1' })).toBe('uploads/onss/U1.pdf');
  });

  it('put uploads under the prefix of the lifecycle rule', () => {
    expect(objectKeyOf({ of: 'upload', senderId: 'onss', uploadId: 'U1' }).startsWith(UPLOADS_PREFIX)).toBe(true);
  });
});
