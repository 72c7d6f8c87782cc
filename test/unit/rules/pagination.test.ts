import { encodeCursor, paginateArray } from '../../../src/services/pagination';

const items = Array.from({ length: 7 }, (_, index) => ({ id: index + 1 }));
const ids = (result: ReturnType<typeof paginateArray<{ id: number }>>) =>
  result.edges.map((edge) => edge.node.id);

describe('paginateArray', () => {
  test('first page', () => {
    const page = paginateArray(items, { first: 3 });
    expect(ids(page)).toEqual([1, 2, 3]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page.totalCount).toBe(7);
  });

  test('after cursor continues', () => {
    const page = paginateArray(items, { first: 3, after: encodeCursor(6) });
    expect(ids(page)).toEqual([7]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  test('last before cursor goes back', () => {
    const page = paginateArray(items, { last: 2, before: encodeCursor(4) });
    expect(ids(page)).toEqual([2, 3]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  test('first and last together rejected', () => {
    expect(() => paginateArray(items, { first: 1, last: 1 })).toThrow('either first or last');
  });

  test('foreign cursor rejected', () => {
    expect(() => paginateArray(items, { after: 'bm90LWEtY3Vyc29y' })).toThrow(
      'is not a valid cursor',
    );
  });

  test('empty cursor rejected', () => {
    expect(() => paginateArray(items, { after: '' })).toThrow('after "" is not a valid cursor');
    expect(() => paginateArray(items, { before: '' })).toThrow('before "" is not a valid cursor');
  });
});
