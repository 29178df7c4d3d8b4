import { describe, expect, it } from 'vitest';
import { columnKind, compareKeys, durationSeconds, quantityValue, sortKey } from './sort-keys';
import type { TableColumn, TableRow } from './table';

const row = (cell: unknown, created?: string): TableRow => ({ cells: [cell], object: { metadata: { name: 'x', creationTimestamp: created } } });
const col = (name: string, type = 'string'): TableColumn => ({ name, type });

describe('sort keys', () => {
  it.each([
    ['5m', 300],
    ['3d4h', 3 * 86_400 + 4 * 3_600],
    ['2y10d', 2 * 365 * 86_400 + 10 * 86_400],
    ['45s', 45],
    ['abc', undefined],
    ['', undefined],
  ])('duration %s is %s s', (text, seconds) => expect(durationSeconds(text)).toBe(seconds));

  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1Gi', 2 ** 30],
    ['128Mi', 128 * 2 ** 20],
    ['1.5k', 1500],
    ['1/1', undefined],
  ])('quantity %s is %s', (text, value) => expect(quantityValue(text)).toBe(value));

  const kindCases: { name: string; column: TableColumn; cells: unknown[]; kind: string }[] = [
    { name: 'Age is read from creationTimestamp', column: col('Age'), cells: ['5m'], kind: 'age' },
    { name: 'integer columns are numbers', column: col('Data', 'integer'), cells: [1], kind: 'number' },
    { name: 'durations', column: col('Last Seen'), cells: ['5m', '3d4h', '<unknown>'], kind: 'duration' },
    { name: 'quantities', column: col('Capacity'), cells: ['1Gi', '500Mi', '<none>'], kind: 'quantity' },
    { name: 'pod restarts with their "(5m ago)"', column: col('Restarts'), cells: ['0', '3 (5m ago)', '12'], kind: 'leading-number' },
    { name: 'names', column: col('Name'), cells: ['web-2', 'web-10'], kind: 'text' },
    { name: 'an empty column', column: col('Nominated Node'), cells: ['<none>'], kind: 'text' },
  ];
  it.each(kindCases)('$name', ({ column, cells, kind }) => expect(columnKind(column, 0, cells.map((c) => row(c)))).toBe(kind));

  it('orders by value, missing values last', () => {
    const sorted = (cells: string[], kind: Parameters<typeof sortKey>[2]) =>
      cells.map((c) => ({ c, k: sortKey(row(c), 0, kind) })).sort((a, b) => compareKeys(a.k, b.k)).map((x) => x.c);
    expect(sorted(['10', '9 (1m ago)', '<none>', '100'], 'leading-number')).toEqual(['9 (1m ago)', '10', '100', '<none>']);
    expect(sorted(['1Gi', '512Mi', '2Gi'], 'quantity')).toEqual(['512Mi', '1Gi', '2Gi']);
    expect(sorted(['2d', '90s', '5m'], 'duration')).toEqual(['90s', '5m', '2d']);
    expect(sorted(['web-10', 'web-2', 'Web-1'], 'text')).toEqual(['Web-1', 'web-2', 'web-10']);
  });

  it('orders meters (a node\'s CPU use) by percentage, nodes without a sample last', () => {
    const meter = (percent: number) => ({ percent, reading: '' });
    const cells = [meter(9.6), null, meter(85), meter(100.4)];
    const rows = cells.map((c) => row(c));
    const kind = columnKind(col('CPU'), 0, rows);
    expect(kind).toBe('leading-number');
    const keys = rows.map((r) => sortKey(r, 0, kind));
    expect(keys).toEqual([10, undefined, 85, 100]);
  });

  it('orders ages youngest first', () => {
    const old = sortKey(row('', '2024-01-01T00:00:00Z'), 0, 'age');
    const young = sortKey(row('', '2025-01-01T00:00:00Z'), 0, 'age');
    expect(compareKeys(young, old)).toBeLessThan(0);
  });
});
