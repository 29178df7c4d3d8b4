import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../kube/api';
import { evictAll, type DrainRunner, type EvictionState } from './drain-run';

const pod = (name: string): Pod => ({ metadata: { name, namespace: 'default' } });
const REFUSAL = "Cannot evict pod as it would violate the pod's disruption budget.";

/** A runner whose evict answers from a script per pod, and whose pauses resolve at once
 *  (or wait for the test to cancel, when `hold` is set). */
function scripted(answers: Record<string, (number | 'ok')[]>, hold = false) {
  const log: [string, EvictionState][] = [];
  let calls = 0;
  const runner: DrainRunner = {
    async evict(p) {
      calls++;
      const next = answers[p.metadata!.name!]!.shift() ?? 'ok';
      if (next !== 'ok') throw new ApiError(next, next === 429 ? REFUSAL : `HTTP ${next}`);
    },
    pause: (_ms, signal) =>
      hold ? new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('cancelled')))) : Promise.resolve(),
    report: (p, state) => log.push([p.metadata!.name!, state]),
  };
  return { runner, log, calls: () => calls };
}

describe('evictAll', () => {
  it('retries a pod its disruption budget protects until the eviction is accepted', async () => {
    const { runner, log } = scripted({ a: [429, 429, 'ok'], b: ['ok'] });
    expect(await evictAll([pod('a'), pod('b')], runner, new AbortController().signal)).toBe(true);
    expect(log.filter(([name]) => name === 'a').map(([, s]) => s)).toEqual([
      { state: 'waiting' },
      { state: 'refused', message: REFUSAL, attempts: 1 },
      { state: 'refused', message: REFUSAL, attempts: 2 },
      { state: 'evicted' },
    ]);
    expect(log.at(-1)?.[1].state).toBe('evicted');
  });

  it('counts a pod already gone (404) as evicted and reports other failures without retrying', async () => {
    const { runner, log, calls } = scripted({ gone: [404], broken: [500] });
    expect(await evictAll([pod('gone'), pod('broken')], runner, new AbortController().signal)).toBe(true);
    expect(calls()).toBe(2);
    expect(log.slice(2)).toEqual([
      ['gone', { state: 'evicted' }],
      ['broken', { state: 'failed', message: 'HTTP 500' }],
    ]);
  });

  it('stops retrying when cancelled', async () => {
    const { runner, log } = scripted({ a: [429, 429] }, true);
    const cancel = new AbortController();
    const done = evictAll([pod('a')], runner, cancel.signal);
    await expect.poll(() => log.length).toBe(2);
    cancel.abort();
    expect(await done).toBe(false);
    expect(log.at(-1)?.[1]).toMatchObject({ state: 'refused', attempts: 1 });
  });
});
