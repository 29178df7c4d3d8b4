import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { matchingTolerations, minTolerationMs, swapTaints, taintDiff, tolerates } from './taints';

const taint: Taint = { key: 'k', value: 'v', effect: 'NoExecute' };

describe('tolerates', () => {
  it.each([
    { name: 'Equal with the same value', toleration: { key: 'k', operator: 'Equal', value: 'v', effect: 'NoExecute' }, expected: true },
    { name: 'operator defaults to Equal', toleration: { key: 'k', value: 'v' }, expected: true },
    { name: 'Equal with another value', toleration: { key: 'k', operator: 'Equal', value: 'w' }, expected: false },
    { name: 'Exists ignores the value', toleration: { key: 'k', operator: 'Exists' }, expected: true },
    { name: 'empty key with Exists tolerates every key', toleration: { operator: 'Exists' }, expected: true },
    { name: 'another effect', toleration: { key: 'k', operator: 'Exists', effect: 'NoSchedule' }, expected: false },
    { name: 'another key', toleration: { key: 'j', operator: 'Exists' }, expected: false },
    { name: 'unknown operator', toleration: { key: 'k', operator: 'Lt', value: 'v' }, expected: false },
  ] as Array<{ name: string; toleration: Toleration; expected: boolean }>)('$name', ({ toleration, expected }) => {
    expect(tolerates(toleration, taint)).toBe(expected);
  });
});

describe('eviction delay', () => {
  const t = (key: string, seconds?: number): Toleration => ({ key, operator: 'Exists', ...(seconds === undefined ? {} : { tolerationSeconds: seconds }) });
  it.each([
    { name: 'no taints: tolerated, nothing used', taints: [], tolerations: [], all: true, ms: 0 },
    { name: 'untolerated taint', taints: [{ key: 'a', effect: 'NoExecute' }], tolerations: [t('b')], all: false, ms: 0 },
    { name: 'tolerated for ever', taints: [{ key: 'a', effect: 'NoExecute' }], tolerations: [t('a')], all: true, ms: Infinity },
    { name: 'shortest of the used tolerations', taints: [{ key: 'a', effect: 'NoExecute' }, { key: 'b', effect: 'NoExecute' }], tolerations: [t('a', 300), t('b', 30), t('c', 1)], all: true, ms: 30_000 },
    { name: 'zero or negative seconds: at once', taints: [{ key: 'a', effect: 'NoExecute' }], tolerations: [t('a', -5)], all: true, ms: 0 },
  ] as Array<{ name: string; taints: Taint[]; tolerations: Toleration[]; all: boolean; ms: number }>)('$name', ({ taints, tolerations, all, ms }) => {
    const m = matchingTolerations(taints, tolerations);
    expect(m.all).toBe(all);
    if (all && taints.length > 0) expect(minTolerationMs(m.used)).toBe(ms);
  });
});

describe('taint sets', () => {
  it('swaps by key and effect, stamping what it adds, and reports no change as undefined', () => {
    const have: Taint[] = [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', effect: 'NoExecute' }];
    expect(swapTaints(have, [{ key: 'c', effect: 'NoExecute' }], [{ key: 'b', effect: 'NoExecute' }], 'T')).toEqual([
      { key: 'a', effect: 'NoSchedule' },
      { key: 'c', effect: 'NoExecute', timeAdded: 'T' },
    ]);
    expect(swapTaints(have, [{ key: 'a', effect: 'NoSchedule' }], [{ key: 'a', effect: 'NoExecute' }], 'T')).toBeUndefined();
  });

  it('diffs wanted against present', () => {
    expect(taintDiff([{ key: 'a', effect: 'NoSchedule' }], [{ key: 'b', effect: 'NoSchedule' }])).toEqual({
      add: [{ key: 'a', effect: 'NoSchedule' }],
      remove: [{ key: 'b', effect: 'NoSchedule' }],
    });
  });
});
