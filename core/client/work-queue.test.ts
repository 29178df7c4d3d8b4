import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { WorkQueue } from './work-queue';

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe('WorkQueue', () => {
  it.each([
    { name: 'immediate: each add while idle starts a sync', coalesce: false, expected: ['a', 'a', 'a'] },
    { name: 'coalesced: adds within one turn make one sync', coalesce: true, expected: ['a'] },
  ])('$name', async ({ coalesce, expected }) => {
    const synced: string[] = [];
    const q = new WorkQueue(new ManualClock(0), async (key) => void synced.push(key), 1, undefined, coalesce);
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

type Step = ['add', string] | ['addAfter', string, number] | ['advance', number] | ['release'] | ['stop'];

/** Advances the clock by each retry's wait in turn: 5 ms doubling, at most 30 s. */
const backoffs = (n: number): Step[] => Array.from({ length: n }, (_, i): Step => ['advance', Math.min(30_000, 5 * 2 ** i)]);
const at = (key: string, times: number[]) => times.map((t) => `${key}@${t}`);

/** Counts the timers set and neither fired nor cancelled. */
class CountingClock extends ManualClock {
  pending = 0;

  override after(ms: number, fn: () => void): () => void {
    this.pending++;
    let live = true;
    const settle = () => {
      if (live) this.pending--;
      live = false;
    };
    const cancel = super.after(ms, () => {
      settle();
      fn();
    });
    return () => {
      settle();
      cancel();
    };
  }
}

describe('WorkQueue on a ManualClock', () => {
  it.each<{ name: string; steps: Step[]; expected: string[]; hold?: boolean; failures?: number; pending?: number }>([
    { name: 'a key added while queued is synced once', hold: true, steps: [['add', 'x'], ['add', 'a'], ['add', 'a'], ['release']], expected: ['x@0', 'a@0'] },
    {
      name: 'a key added while being processed is synced once more afterwards',
      hold: true,
      steps: [['add', 'a'], ['add', 'a'], ['add', 'a'], ['release']],
      expected: ['a@0', 'a@0'],
    },
    {
      name: 'addAfter waits on clock time',
      steps: [['addAfter', 'a', 100], ['advance', 99], ['advance', 1]],
      expected: ['a@100'],
    },
    {
      name: 'addAfter: an earlier wake-up replaces a pending later one',
      steps: [['addAfter', 'a', 100], ['addAfter', 'a', 50], ['advance', 50], ['advance', 100]],
      expected: ['a@50'],
    },
    {
      name: 'addAfter: a later wake-up leaves the pending earlier one',
      steps: [['addAfter', 'a', 50], ['advance', 10], ['addAfter', 'a', 60], ['advance', 40], ['advance', 100]],
      expected: ['a@50'],
    },
    { name: 'addAfter keeps one wake-up per key', steps: [['addAfter', 'a', 50], ['addAfter', 'b', 100], ['advance', 100]], expected: ['a@50', 'b@100'] },
    { name: 'addAfter with ms <= 0 adds at once', steps: [['addAfter', 'a', 0], ['addAfter', 'b', -5]], expected: ['a@0', 'b@0'] },
    {
      name: 'addAfter then add: synced at once and again at the wake-up',
      steps: [['addAfter', 'a', 100], ['add', 'a'], ['advance', 100]],
      expected: ['a@0', 'a@100'],
    },
    {
      name: 'a failed sync retries after 5 ms of clock time, doubling, until it succeeds',
      failures: 3,
      steps: [['add', 'a'], ['advance', 4], ['advance', 1], ['advance', 10], ['advance', 20], ['advance', 1_000]],
      expected: at('a', [0, 5, 15, 35]),
    },
    {
      name: 'the failure backoff stops doubling at 30 s',
      failures: Infinity,
      steps: [['add', 'a'], ...backoffs(15)],
      expected: at('a', [0, 5, 15, 35, 75, 155, 315, 635, 1_275, 2_555, 5_115, 10_235, 20_475, 40_955, 70_955, 100_955]),
      pending: 1,
    },
    { name: 'stop cancels pending wake-ups', steps: [['addAfter', 'a', 10], ['addAfter', 'b', 20], ['stop']], expected: [] },
    { name: 'stop cancels a pending retry', failures: 1, steps: [['add', 'a'], ['stop']], expected: ['a@0'] },
  ])('$name', async ({ steps, expected, hold = false, failures = 0, pending = 0 }) => {
    const clock = new CountingClock(0);
    const synced: string[] = [];
    const failed = new Map<string, number>();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const q = new WorkQueue(
      clock,
      async (key) => {
        synced.push(`${key}@${clock.now().getTime()}`);
        if (hold) await held;
        const n = failed.get(key) ?? 0;
        if (n >= failures) return;
        failed.set(key, n + 1);
        throw new Error('failed');
      },
      1,
      () => undefined,
    );
    for (const step of steps) {
      if (step[0] === 'add') q.add(step[1]);
      else if (step[0] === 'addAfter') q.addAfter(step[1], step[2]);
      else if (step[0] === 'advance') clock.advance(step[1]);
      else if (step[0] === 'release') release();
      else q.stop();
      await nextTurn(); // syncs started by the step finish (and a failure schedules its retry)
    }
    expect(synced).toEqual(expected);
    expect(clock.pending).toBe(pending); // replaced and stopped wake-ups leave no timer behind
    q.stop();
  });
});
