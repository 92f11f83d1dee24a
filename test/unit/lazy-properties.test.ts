import { lazyProperties } from '../../shared/lazy-properties';

describe('lazyProperties', () => {
  it('makes each property on its first read only, then keeps it', () => {
    const made: string[] = [];
    const object = lazyProperties<{ a: { name: string }; b: number | undefined }>({
      a: () => {
        made.push('a');
        return { name: 'a' };
      },
      b: () => {
        made.push('b');
        return undefined;
      },
    });
    expect(made).toEqual([]);
    const first = object.a;
    expect(object.a).toBe(first);
    expect(made).toEqual(['a']);
    expect(object.b).toBeUndefined();
    expect(object.b).toBeUndefined();
    expect(made).toEqual(['a', 'b']);
  });
});
