import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock, realClock } from './clock';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('realClock.after', () => {
  it('runs fn only once now() has reached the time it was set for, even when setTimeout fires first', async () => {
    // Only Date is faked: the wall clock stands still while real timers run, the extreme of
    // setTimeout's monotonic milliseconds running ahead of Date's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000);
    const ranAt: number[] = [];
    const ran = new Promise<void>((resolve) =>
      realClock.after(5, () => {
        ranAt.push(realClock.now().getTime());
        resolve();
      }),
    );
    // Timers of one duration fire in the order they were set: this one runs after the clock's.
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
    expect(ranAt).toEqual([]);
    vi.setSystemTime(1_005);
    await ran;
    expect(ranAt).toEqual([1_005]);
  });

  it('waits longer than setTimeout can (a monthly schedule) in steps, without firing early', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const fn = vi.fn();
    const cancel = realClock.after(31 * 24 * 3600_000, fn);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1]).toBe(2 ** 31 - 1);
    cancel();
    expect(fn).not.toHaveBeenCalled();
  });

  it('can be cancelled, also while it waits out the rest', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    const fn = vi.fn();
    const cancel = realClock.after(2, fn);
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
    cancel();
    vi.setSystemTime(10);
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('ManualClock', () => {
  it('fires due timers in time order as it advances, at their own times', () => {
    const clock = new ManualClock(0);
    const seen: Array<[string, number]> = [];
    clock.after(20, () => seen.push(['b', clock.now().getTime()]));
    clock.after(10, () => {
      seen.push(['a', clock.now().getTime()]);
      clock.after(5, () => seen.push(['c', clock.now().getTime()]));
    });
    const cancel = clock.after(12, () => seen.push(['x', clock.now().getTime()]));
    cancel();
    clock.advance(30);
    expect(seen).toEqual([['a', 10], ['c', 15], ['b', 20]]);
    expect(clock.now().getTime()).toBe(30);
  });
});
