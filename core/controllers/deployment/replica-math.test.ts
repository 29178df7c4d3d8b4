import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { computeHash, safeEncodeString } from './hash';
import { maxSurge, maxUnavailable, newRSNewReplicas, proportion, resolveFenceposts } from './replica-math';
import { setNewReplicaSetAnnotations } from './annotations';

const d = (replicas: number, surge: number | string, unavailable: number | string, status?: number): Deployment => ({
  spec: {
    replicas,
    selector: {},
    template: {},
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
  },
  ...(status !== undefined ? { status: { replicas: status } } : {}),
});
const rs = (replicas: number, maxReplicas?: number): ReplicaSet => ({
  metadata: maxReplicas ? { annotations: { 'deployment.kubernetes.io/max-replicas': String(maxReplicas) } } : {},
  spec: { replicas, selector: {}, template: {} },
});

describe('rolling update arithmetic', () => {
  it.each([
    { name: 'defaults on 3', surge: '25%', unavailable: '25%', desired: 3, expected: [1, 0] },
    { name: 'defaults on 10', surge: '25%', unavailable: '25%', desired: 10, expected: [3, 2] },
    { name: 'both round to zero: one unavailable', surge: '0%', unavailable: '1%', desired: 2, expected: [0, 1] },
    { name: 'absolute numbers', surge: 2, unavailable: 1, desired: 5, expected: [2, 1] },
  ])('resolveFenceposts: $name', ({ surge, unavailable, desired, expected }) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual(expected);
  });

  it('caps maxUnavailable at the replica count and is zero for Recreate', () => {
    expect(maxUnavailable(d(2, 0, 5))).toBe(2);
    expect(maxSurge({ spec: { replicas: 3, selector: {}, template: {}, strategy: { type: 'Recreate' } } })).toBe(0);
  });

  it.each([
    { name: 'surges by maxSurge', deploy: d(3, '25%', '25%'), all: [rs(3)], current: 0, expected: 1 },
    { name: 'stays when at the surge limit', deploy: d(3, 1, 0), all: [rs(3), rs(1)], current: 1, expected: 1 },
    { name: 'never beyond desired', deploy: d(3, 5, 0), all: [rs(0)], current: 2, expected: 3 },
  ])('newRSNewReplicas: $name', ({ deploy, all, current, expected }) => {
    const newRS = rs(current);
    expect(newRSNewReplicas(deploy, [...all, newRS], newRS)).toBe(expected);
  });

  it.each([
    { name: 'scale up 10 -> 15 over a set of 5 of max 13', deploy: d(15, 3, 2, 13), set: rs(5, 13), toAdd: 5, added: 0, expected: 2 },
    { name: 'bounded by what is left to add', deploy: d(15, 3, 2, 13), set: rs(5, 13), toAdd: 5, added: 4, expected: 1 },
    { name: 'scale to zero removes the whole set', deploy: d(0, 3, 2), set: rs(4, 13), toAdd: -8, added: 0, expected: -4 },
    { name: 'empty sets take nothing', deploy: d(15, 3, 2), set: rs(0, 13), toAdd: 5, added: 0, expected: 0 },
  ])('proportion: $name', ({ deploy, set, toAdd, added, expected }) => {
    expect(proportion(set, deploy, toAdd, added)).toBe(expected);
  });
});

describe('pod-template-hash', () => {
  it('encodes decimal digits in the safe alphabet and changes with the collision count', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    const t = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    expect(computeHash(t)).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(t)).toBe(computeHash({ spec: t.spec, metadata: t.metadata }));
    expect(computeHash(t, 1)).not.toBe(computeHash(t));
  });
});

describe('new ReplicaSet annotations', () => {
  const deploy: Deployment = { metadata: { annotations: { 'kubernetes.io/change-cause': 'c', 'deployment.kubernetes.io/revision': '9' } }, spec: d(3, 1, 0).spec };
  it.each([
    {
      name: 'a created set gets the revision, replicas and copied annotations',
      before: {},
      exists: false,
      expected: { 'kubernetes.io/change-cause': 'c', 'deployment.kubernetes.io/revision': '4', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' },
    },
    {
      name: 'a set rolled back to keeps its old revisions',
      before: { 'deployment.kubernetes.io/revision': '2', 'deployment.kubernetes.io/revision-history': '1' },
      exists: true,
      expected: { 'kubernetes.io/change-cause': 'c', 'deployment.kubernetes.io/revision': '4', 'deployment.kubernetes.io/revision-history': '1,2' },
    },
  ])('$name', ({ before, exists, expected }) => {
    const set = { metadata: { annotations: { ...before } as Record<string, string> } };
    expect(setNewReplicaSetAnnotations(deploy, set, 4, exists, 1)).toBe(true);
    expect(set.metadata.annotations).toEqual(expected);
  });
});
