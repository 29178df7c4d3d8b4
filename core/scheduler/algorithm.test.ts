import { describe, expect, it } from 'vitest';
import { findFeasible, numFeasibleNodesToFind, selectHost } from './algorithm';
import { fitErrorMessage, reasonHistogram } from './fit-error';
import { unresolvable, unschedulable } from './framework';
import { pendingPod, readyNode } from '../../test/support/scheduler-fixtures';
import { podInfo } from './pod-info';
import { snapshotOf } from '../../test/support/scheduler-cluster';
import { defaultProfile } from './profile';

describe('numFeasibleNodesToFind', () => {
  it.each([
    { nodes: 50, pct: 0, want: 50 },
    { nodes: 100, pct: 0, want: 100 },
    { nodes: 1000, pct: 0, want: 420 },
    { nodes: 5000, pct: 0, want: 500 },
    { nodes: 20000, pct: 0, want: 1000 },
    { nodes: 1000, pct: 100, want: 1000 },
    { nodes: 1000, pct: 5, want: 100 },
  ])('$nodes nodes at $pct%', ({ nodes, pct, want }) => expect(numFeasibleNodesToFind(nodes, pct)).toBe(want));
});

describe('selectHost', () => {
  const snapshot = snapshotOf([readyNode('a'), readyNode('b'), readyNode('c')]);
  it('takes the best score', () => expect(selectHost([...snapshot.nodes], [10, 30, 20]).name).toBe('b'));
  it('breaks ties at random', () => {
    const nodes = [...snapshot.nodes];
    expect(selectHost(nodes, [30, 30, 10], () => 0.9).name).toBe('a');
    expect(selectHost(nodes, [30, 30, 10], () => 0.1).name).toBe('b');
  });
});

describe('findFeasible', () => {
  it('stops after enough feasible nodes and resumes where it stopped', () => {
    const snapshot = snapshotOf(Array.from({ length: 200 }, (_, i) => readyNode(`n${i}`)));
    const f = findFeasible(defaultProfile(), podInfo(pendingPod('p')), snapshot, () => undefined, 150);
    expect(f.feasible).toHaveLength(100);
    expect(f.processed).toBe(100);
    expect(f.feasible[0]!.name).toBe('n150');
    expect(f.feasible[99]!.name).toBe('n49');
  });

  it('counts pods nominated to a node when they are at least as important', () => {
    const snapshot = snapshotOf([readyNode('a', { cpu: '1' })]);
    const nominee = { ...podInfo(pendingPod('n', { cpu: '800m' })), priority: 100 };
    const low = podInfo(pendingPod('p', { cpu: '500m' }));
    expect(findFeasible(defaultProfile(), low, snapshot, () => [nominee], 0).statuses.get('a')?.reasons).toEqual(['Insufficient cpu']);
    const high = { ...low, priority: 1000 };
    expect(findFeasible(defaultProfile(), high, snapshot, () => [nominee], 0).feasible).toHaveLength(1);
  });
});

describe('fit error message', () => {
  it('counts reasons per node and sorts them as strings', () => {
    const statuses = [
      unresolvable('TaintToleration', 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'),
      unschedulable('NodeResourcesFit', 'Insufficient cpu', 'Insufficient memory'),
      unschedulable('NodeResourcesFit', 'Insufficient cpu'),
    ];
    expect(fitErrorMessage(3, { histogram: reasonHistogram(statuses, 3), postFilterMsg: 'preemption: not eligible due to preemptionPolicy=Never.' })).toBe(
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
        'preemption: not eligible due to preemptionPolicy=Never.',
    );
  });

  it('gives nodes without a status of their own the absent reason', () => {
    expect(reasonHistogram([unschedulable('x', 'Insufficient cpu')], 3, unresolvable('y', 'Preemption is not helpful for scheduling'))).toBe(
      '1 Insufficient cpu, 2 Preemption is not helpful for scheduling',
    );
  });
});
