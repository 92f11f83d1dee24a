import { pageLinks } from '../../../shared/domain/pagination';

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
});
