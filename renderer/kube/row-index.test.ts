import { describe, expect, it } from 'vitest';
import { RowIndex } from './row-index';
import type { TableColumn, TableRow } from './table';

const columns: TableColumn[] = [
  { name: 'Name', type: 'string' },
  { name: 'Status', type: 'string' },
  { name: 'Restarts', type: 'string' },
];
const pod = (name: string, status = 'Running', restarts = '0', namespace = 'default'): [string, TableRow] => [
  `${namespace}/${name}`,
  { cells: [name, status, restarts], object: { metadata: { name, namespace } } },
];
const names = (list: { name: string }[]) => list.map((e) => e.name);

function index(rows: [string, TableRow][]): RowIndex {
  const ix = new RowIndex();
  ix.setColumns(columns);
  ix.reset(rows);
  return ix;
}

/** The same rows sorted from scratch: what every incremental batch must equal. */
function rebuilt(ix: RowIndex, sort: Parameters<RowIndex['setSort']>[0], filter: string): string[] {
  const fresh = new RowIndex();
  fresh.setColumns(columns);
  fresh.reset(ix.sorted.map((e) => [e.key, e.row]));
  fresh.setSort(sort);
  fresh.setFilter(filter);
  return names(fresh.visible);
}

describe('RowIndex', () => {
  it('orders by namespace then name, naturally, until a column is chosen', () => {
    const ix = index([pod('web-10'), pod('web-2'), pod('a', 'Running', '0', 'z-ns'), pod('b', 'Running', '0', 'a-ns')]);
    expect(ix.sorted.map((e) => e.key)).toEqual(['a-ns/b', 'default/web-2', 'default/web-10', 'z-ns/a']);
  });

  it('sorts a column by value, both ways, missing values last', () => {
    const ix = index([pod('a', 'Running', '10'), pod('b', 'Running', '9 (3m ago)'), pod('c', 'Running', '<none>'), pod('d', 'Running', '100')]);
    ix.setSort({ column: 2, descending: false });
    expect(names(ix.visible)).toEqual(['b', 'a', 'd', 'c']);
    ix.setSort({ column: 2, descending: true });
    expect(names(ix.visible)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('filters on namespace, name and cells, case-insensitively; narrowing and widening', () => {
    const ix = index([pod('web-1', 'Running'), pod('web-2', 'CrashLoopBackOff'), pod('db-1', 'Running', '0', 'data')]);
    ix.setFilter('crash');
    expect(names(ix.visible)).toEqual(['web-2']);
    ix.setFilter('WEB');
    expect(names(ix.visible)).toEqual(['web-1', 'web-2']);
    ix.setFilter('web-1');
    expect(names(ix.visible)).toEqual(['web-1']);
    ix.setFilter('data/');
    expect(names(ix.visible)).toEqual(['db-1']);
    ix.setFilter('  ');
    expect(names(ix.visible)).toEqual(['db-1', 'web-1', 'web-2']);
  });

  it('applies a batch in place: adds, moves a changed row to its new place, deletes; filter kept', () => {
    const ix = index([pod('a', 'Running', '1'), pod('b', 'Running', '2'), pod('c', 'Pending', '3')]);
    ix.setSort({ column: 2, descending: false });
    ix.setFilter('running');
    const before = ix.sorted;
    ix.apply(
      new Map([
        pod('a', 'Running', '5'),
        pod('d', 'Running', '0'),
        ['default/b', null],
        pod('c', 'Running', '3'),
      ]),
    );
    expect(ix.sorted).toBe(before);
    expect(names(ix.sorted)).toEqual(['d', 'c', 'a']);
    expect(names(ix.visible)).toEqual(['d', 'c', 'a']);
    expect(ix.indexOfKey('default/b')).toBe(-1);
    expect(ix.sorted.find((e) => e.name === 'a')?.row.cells[2]).toBe('5');
    expect(ix.indexOfKey('default/c')).toBe(1);
  });

  it('random batches give the same order as sorting from scratch', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const statuses = ['Running', 'Pending', 'CrashLoopBackOff', 'Completed'];
    const rows = Array.from({ length: 800 }, (_, i) => pod(`p-${i}`, statuses[i % 4], String(i % 13)));
    const ix = index(rows);
    ix.setSort({ column: 2, descending: true });
    ix.setFilter('run');
    for (let round = 0; round < 30; round++) {
      const batch = new Map<string, TableRow | null>();
      for (let i = 0; i < 20; i++) {
        const n = rand(1000);
        const [key, row] = pod(`p-${n}`, statuses[rand(4)], String(rand(20)));
        batch.set(key, rand(5) === 0 ? null : row);
      }
      ix.apply(batch);
      expect(names(ix.visible)).toEqual(rebuilt(ix, { column: 2, descending: true }, 'run'));
    }
  });

  it('a large batch is sorted again as a whole', () => {
    const ix = index([pod('z')]);
    ix.apply(new Map(Array.from({ length: 500 }, (_, i) => pod(`p-${i}`))));
    expect(ix.size).toBe(501);
    expect(names(ix.sorted).slice(0, 3)).toEqual(['p-0', 'p-1', 'p-2']);
    expect(names(ix.sorted).at(-1)).toBe('z');
  });
});
