import { describe, expect, it } from 'vitest';
import { pendingPod, readyNode } from '../../../test/support/scheduler-fixtures';
import { interPodAffinityScore } from './inter-pod-affinity';
import { nodeAffinityScore } from './node-affinity';
import { balancedAllocationScore, nodeResourcesFitScore } from './node-resources-fit';
import { podTopologySpreadScore } from './pod-topology-spread';
import { taintTolerationScore } from './taint-toleration';
import { onNode, pluginScores, snapshotOf } from '../../../test/support/scheduler-cluster';

const nodes = [readyNode('a', { cpu: '4', memory: '8Gi' }), readyNode('b', { cpu: '4', memory: '8Gi' })];
const busy = [onNode(pendingPod('x', { cpu: '2', memory: '2Gi' }), 'a')];
const req = pendingPod('p', { cpu: '1', memory: '1Gi' });

describe('score plugins', () => {
  it.each([
    // a: cpu (4-3)/4=25, mem (8-3)/8=62 -> 43; b: cpu 75, mem 87 -> 81
    { name: 'LeastAllocated prefers the emptier node', plugin: nodeResourcesFitScore(), pods: busy, want: { a: 43, b: 81 } },
    { name: 'MostAllocated prefers the fuller node', plugin: nodeResourcesFitScore('MostAllocated'), pods: busy, want: { a: 56, b: 18 } },
    // a: cpu 3/4, mem 3/8 -> 1-0.1875; b: 1/4, 1/8 -> 1-0.0625
    { name: 'BalancedAllocation', plugin: balancedAllocationScore, pods: busy, want: { a: 81, b: 93 } },
  ])('$name', ({ plugin, pods, want }) => expect(pluginScores(plugin, req, snapshotOf(nodes, pods))).toEqual(want));

  it('BalancedAllocation has nothing to say for a pod without requests', () => {
    expect(pluginScores(balancedAllocationScore, pendingPod('p'), snapshotOf(nodes))).toEqual({});
  });

  it('TaintToleration scores PreferNoSchedule taints down', () => {
    const tainted = [readyNode('a', { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] }), readyNode('b')];
    expect(pluginScores(taintTolerationScore, pendingPod('p'), snapshotOf(tainted))).toEqual({ a: 0, b: 100 });
    const tolerant = pendingPod('p', {}, { tolerations: [{ key: 'k', operator: 'Exists' }] });
    expect(pluginScores(taintTolerationScore, tolerant, snapshotOf(tainted))).toEqual({ a: 100, b: 100 });
  });

  it('NodeAffinity adds preferred weights', () => {
    const labelled = [readyNode('a', { labels: { disk: 'ssd' } }), readyNode('b', { labels: { zone: 'z1' } }), readyNode('c')];
    const pod = pendingPod('p', {}, {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 80, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
            { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
          ],
        },
      },
    });
    expect(pluginScores(nodeAffinityScore, pod, snapshotOf(labelled))).toEqual({ a: 100, b: 25, c: 0 });
  });

  it('InterPodAffinity prefers nodes near preferred pods and away from avoided ones', () => {
    const zoned = [readyNode('a', { labels: { zone: 'z1' } }), readyNode('b', { labels: { zone: 'z2' } }), readyNode('c', { labels: { zone: 'z3' } })];
    const pods = [onNode(pendingPod('db', {}, {}, { app: 'db' }), 'a'), onNode(pendingPod('noisy', {}, {}, { app: 'noisy' }), 'b')];
    const term = (app: string, weight: number) => ({ weight, podAffinityTerm: { labelSelector: { matchLabels: { app } }, topologyKey: 'zone' } });
    const pod = pendingPod('p', {}, {
      affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term('db', 10)] }, podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term('noisy', 10)] } },
    });
    expect(pluginScores(interPodAffinityScore, pod, snapshotOf(zoned, pods))).toEqual({ a: 100, b: 0, c: 50 });
  });

  it('PodTopologySpread ScheduleAnyway prefers the emptier domain', () => {
    const zoned = [readyNode('a', { labels: { zone: 'z1' } }), readyNode('b', { labels: { zone: 'z2' } })];
    const pods = [onNode(pendingPod('w1', {}, {}, { app: 'web' }), 'a'), onNode(pendingPod('w2', {}, {}, { app: 'web' }), 'a')];
    const pod = pendingPod('p', {}, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] }, { app: 'web' });
    const scores = pluginScores(podTopologySpreadScore, pod, snapshotOf(zoned, pods));
    expect(scores.b).toBe(100);
    expect(scores.a).toBeLessThan(scores.b!);
  });
});
