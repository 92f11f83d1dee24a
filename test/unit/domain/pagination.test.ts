import { InvalidInputError } from '../../../shared/domain/errors';
import { decodeCursor, encodeCursor, pageLinks } from '../../../shared/domain/pagination';

const SCOPE = { pk: 'ENT#0123456749' };
const POSITION = { pk: 'ENT#0123456749', sk: 'MSG#01JD5Z3M8Q0000000000000000' };
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function refusal(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(POSITION), SCOPE, {}, ['sk'])).toEqual(POSITION);
  });

  it('refuses a position with a key the listing does not use (DynamoDB would fail on it)', () => {
    expect(refusal(() => decodeCursor(encodeCursor({ ...POSITION, x: 'y' }), SCOPE, {}, ['sk'])).issues[0]?.name).toBe('cursor');
  });

  it('round-trips positions with characters that need care (#, unicode, quotes)', () => {
    const position = { gsi1pk: 'SND#spf-finances', gsi1sk: 'MSG#01JD5Z3M8Q', note: 'Zoë "quoted" €' };
    expect(decodeCursor(encodeCursor(position), { gsi1pk: 'SND#spf-finances' }, { gsi1sk: 'MSG#' }, ['note'])).toEqual(position);
  });

  it('gives a URL-safe cursor (base64url, no padding)', () => {
    const cursor = encodeCursor({ ...POSITION, extra: '???>>>~~~' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['random text', 'not a cursor!'],
    ['an empty string', ''],
    ['base64 of text that is not JSON', b64('hello')],
    ['JSON null', b64('null')],
    ['a JSON string', b64('"ENT#0123456749"')],
    ['a JSON number', b64('42')],
    ['a JSON array', b64('["ENT#0123456749"]')],
    ['a position with a non-string value', b64('{"pk":"ENT#0123456749","sk":7}')],
    ['a position with a nested object', b64('{"pk":"ENT#0123456749","sk":{"S":"MSG#1"}}')],
  ])('refuses %s, naming the cursor query parameter', (_label, cursor) => {
    const error = refusal(() => decodeCursor(cursor, SCOPE));
    expect(error.issues).toEqual([expect.objectContaining({ in: 'query', name: 'cursor' })]);
  });

  it("refuses another company's cursor (its position does not match the scope)", () => {
    const error = refusal(() => decodeCursor(encodeCursor({ pk: 'ENT#0987654321', sk: 'MSG#01JD5Z3M8Q' }), SCOPE));
    expect(error.issues[0]).toMatchObject({ in: 'query', name: 'cursor' });
  });

  it("refuses a cursor of another listing (a sender's listing cursor on a company route)", () => {
    const error = refusal(() => decodeCursor(encodeCursor({ gsi1pk: 'SND#spf-finances', gsi1sk: 'MSG#1' }), SCOPE));
    expect(error.issues[0]?.name).toBe('cursor');
  });

  it('refuses a position that lacks a scoped key', () => {
    expect(() => decodeCursor(encodeCursor({ sk: 'MSG#1' }), SCOPE)).toThrow(InvalidInputError);
  });

  it('checks every key of the scope', () => {
    const scope = { gsi1pk: 'RCV#spf-finances', type: 'OUT' };
    expect(() => decodeCursor(encodeCursor({ gsi1pk: 'RCV#spf-finances', type: 'IN' }), scope)).toThrow(InvalidInputError);
    expect(decodeCursor(encodeCursor({ gsi1pk: 'RCV#spf-finances', type: 'OUT' }), scope)).toEqual({ gsi1pk: 'RCV#spf-finances', type: 'OUT' });
  });
});

describe('pageLinks', () => {
  const path = '/v1/enterprises/0123456749/messages';
  const paramsOf = (link: string) => {
    const [linkPath, query = ''] = link.split('?');
    return { path: linkPath, params: Object.fromEntries(new URLSearchParams(query)) };
  };

  it('keeps the filters in self and next, and puts the new cursor in next', () => {
    const links = pageLinks(path, { read: 'false', senderId: 'spf-finances', pageSize: '10', cursor: 'CURRENT' }, 'NEXT');
    expect(paramsOf(links.self)).toEqual({ path, params: { read: 'false', senderId: 'spf-finances', pageSize: '10', cursor: 'CURRENT' } });
    expect(links.next).toBeDefined();
    expect(paramsOf(links.next ?? '')).toEqual({ path, params: { read: 'false', senderId: 'spf-finances', pageSize: '10', cursor: 'NEXT' } });
  });

  it('adds a cursor to next when the first page had none', () => {
    const links = pageLinks(path, { pageSize: '25' }, 'NEXT');
    expect(paramsOf(links.self).params).toEqual({ pageSize: '25' });
    expect(paramsOf(links.next ?? '').params).toEqual({ pageSize: '25', cursor: 'NEXT' });
  });

  it('has no next on the last page', () => {
    const links = pageLinks(path, { pageSize: '25', cursor: 'CURRENT' });
    expect(links).not.toHaveProperty('next');
    expect(paramsOf(links.self).params).toEqual({ pageSize: '25', cursor: 'CURRENT' });
  });

  it('gives the bare path when there is no query', () => {
    expect(pageLinks(path, {})).toEqual({ self: path });
  });

  it('leaves out filters that are absent', () => {
    const links = pageLinks(path, { read: undefined, documentType: 'TAX_NOTICE' }, 'NEXT');
    expect(paramsOf(links.self).params).toEqual({ documentType: 'TAX_NOTICE' });
    expect(paramsOf(links.next ?? '').params).toEqual({ documentType: 'TAX_NOTICE', cursor: 'NEXT' });
  });

  it('encodes filter values so they come back unchanged', () => {
    const externalId = 'AVIS 2026/1&x=y#z';
    const links = pageLinks('/v1/messages', { externalId }, 'NEXT');
    expect(paramsOf(links.next ?? '').params.externalId).toBe(externalId);
    expect(links.self).not.toContain('&x=y');
  });

  it('round-trips a real cursor through the next link', () => {
    const cursor = encodeCursor(POSITION);
    const next = pageLinks(path, { pageSize: '2' }, cursor).next ?? '';
    expect(decodeCursor(paramsOf(next).params.cursor ?? '', SCOPE, {}, ['sk'])).toEqual(POSITION);
  });
});
