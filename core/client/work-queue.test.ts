import { describe, expect, it } from 'vitest';
import { WorkQueue } from './work-queue';

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe('WorkQueue', () => {
  it.each([
    { name: 'immediate: each add while idle starts a sync', coalesce: false, expected: ['a', 'a', 'a'] },
    { name: 'coalesced: adds within one turn make one sync', coalesce: true, expected: ['a'] },
  ])('$name', async ({ coalesce, expected }) => {
    const synced: string[] = [];
    const q = new WorkQueue(async (key) => void synced.push(key), 1, undefined, coalesce);
    for (let i = 0; i < 3; i++) {
      q.add('a');
      await Promise.resolve(); // the sync (if started) finishes before the next add
    }
    await nextTurn();
    await nextTurn();
    expect(synced).toEqual(expected);
    q.stop();
  });
});
