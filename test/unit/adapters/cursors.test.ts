import { cursors } from '../../../shared/adapters/dynamodb/cursors';
import { InvalidInputError } from '../../../shared/domain/errors';
import { pageLinks } from '../../../shared/domain/pagination';

const N = '0123456749';
const OTHER = '0987654378';
const ID = '01JD5Z3M8Q0000000000000000';
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');

function refusal(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('list cursors', () => {
  it('carry the list, its owner and ids, never table keys; the start key is rebuilt from them', () => {
    const cursor = cursors.inbox.encode({ pk: `ENT#${N}`, sk: `MSG#${ID}` }, N);
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).toBe(JSON.stringify({ list: 'inbox', of: N, at: { id: ID } }));
    expect(cursors.inbox.decode(cursor, N)).toEqual({ pk: `ENT#${N}`, sk: `MSG#${ID}` });
  });

  it("refuse another owner's cursor", () => {
    const cursor = cursors.inbox.encode({ pk: `ENT#${N}`, sk: `MSG#${ID}` }, N);
    expect(refusal(() => cursors.inbox.decode(cursor, OTHER)).issues[0]?.name).toBe('cursor');
  });

  it('rebuild every key of an index position (deliveries, received)', () => {
    const delivery = cursors.deliveries.encode({ pk: `MSG#${ID}`, sk: 'DELIVERY', gsi1pk: 'SND#onss', gsi1sk: `MSG#${ID}` }, 'onss');
    expect(cursors.deliveries.decode(delivery, 'onss')).toEqual({ pk: `MSG#${ID}`, sk: 'DELIVERY', gsi1pk: 'SND#onss', gsi1sk: `MSG#${ID}` });
    const received = cursors.received.encode({ pk: `ENT#${N}`, sk: `SENT#${ID}`, gsi1pk: 'RCV#onss', gsi1sk: `OUT#${ID}` }, 'onss');
    expect(cursors.received.decode(received, 'onss')).toEqual({ pk: `ENT#${N}`, sk: `SENT#${ID}`, gsi1pk: 'RCV#onss', gsi1sk: `OUT#${ID}` });
  });

  it('come back unchanged through a next link', () => {
    const cursor = cursors.audit.encode({ pk: `ENT#${N}`, sk: `AUDIT#${ID}` }, N);
    const next = pageLinks('/v1/enterprises/x/audit', { pageSize: '2' }, cursor).next ?? '';
    expect(cursors.audit.decode(new URLSearchParams(next.split('?')[1]).get('cursor') ?? '', N)).toEqual({ pk: `ENT#${N}`, sk: `AUDIT#${ID}` });
  });

  it.each([
    ['another list', b64({ list: 'audit', of: N, at: { id: ID } })],
    ['an empty id', b64({ list: 'inbox', of: N, at: { id: '' } })],
    ['an id that is not a ULID', b64({ list: 'inbox', of: N, at: { id: 'x#y' } })],
    ['a raw table key', b64({ pk: `ENT#${N}`, sk: `MSG#${ID}` })],
    ['an extra field', b64({ list: 'inbox', of: N, at: { id: ID, pk: '' } })],
    ['an extra top-level field', b64({ list: 'inbox', of: N, at: { id: ID }, v: 2 })],
    ['a number', b64({ list: 'inbox', of: N, at: { id: 7 } })],
    ['null', b64('null')],
    ['an array', b64([1, 2])],
    ['text that is not base64 JSON', 'not a cursor'],
  ])('refuse %s with 400 on cursor', (_label, cursor) => {
    expect(refusal(() => cursors.inbox.decode(cursor, N)).issues).toEqual([expect.objectContaining({ in: 'query', name: 'cursor' })]);
  });

  it('refuse a received cursor whose company is not an enterprise number', () => {
    expect(() => cursors.received.decode(b64({ list: 'received', of: 'onss', at: { id: ID, from: '' } }), 'onss')).toThrow(InvalidInputError);
  });
});
