import { describe, expect, it } from 'vitest';
import { firstPendingIndexes, formatIndexes, parseIndexes } from './indexes';

describe('completed indexes text', () => {
  const rows: Array<{ indexes: number[]; text: string }> = [
    { indexes: [], text: '' },
    { indexes: [3], text: '3' },
    { indexes: [1, 2], text: '1,2' },
    { indexes: [1, 3, 4, 5, 7], text: '1,3-5,7' },
    { indexes: [0, 1, 2, 3, 9, 10], text: '0-3,9,10' },
  ];
  it.each(rows)('$text', ({ indexes, text }) => {
    expect(formatIndexes(indexes)).toBe(text);
    expect([...parseIndexes(text, 100)].sort((a, b) => a - b)).toEqual(indexes);
  });

  it('drops indexes at or beyond completions and malformed parts', () => {
    expect([...parseIndexes('1,x,3-8', 5)]).toEqual([1, 3, 4]);
  });

  it('picks the lowest free indexes', () => {
    expect(firstPendingIndexes(3, 6, new Set([0, 2]))).toEqual([1, 3, 4]);
    expect(firstPendingIndexes(3, 3, new Set([0, 1, 2]))).toEqual([]);
  });
});
