import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube/kube-object';
import { controllerRevisions, deploymentRevisions } from './history';

const owned = (name: string, uid: string, annotations: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name, annotations, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'X', name: 'o', uid, controller: true }] },
  ...extra,
});

describe('rollout history', () => {
  const d: KubeObject = { metadata: { name: 'web', uid: 'd1' } };

  it("lists the controlled ReplicaSets' revisions newest first, with their change cause", () => {
    const revisions = deploymentRevisions(d, [
      owned('a', 'd1', { 'deployment.kubernetes.io/revision': '1' }),
      owned('b', 'd1', { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'set image' }),
      owned('other', 'd2', { 'deployment.kubernetes.io/revision': '2' }),
      owned('no-revision', 'd1', {}),
    ]);
    expect(revisions.map((r) => [r.revision, r.changeCause, r.source.metadata?.name])).toEqual([
      [3, 'set image', 'b'],
      [1, undefined, 'a'],
    ]);
  });

  it('reads ControllerRevisions by their revision field', () => {
    const revisions = controllerRevisions(d, [owned('r1', 'd1', {}, { revision: 1 }), owned('r2', 'd1', {}, { revision: 2 }), owned('x', 'zz', {}, { revision: 9 })]);
    expect(revisions.map((r) => r.revision)).toEqual([2, 1]);
  });
});
