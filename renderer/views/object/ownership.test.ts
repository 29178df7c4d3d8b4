import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import { childKindsOf, descendants } from './ownership';

const obj = (uid: string, owner?: string): { metadata: ObjectMeta } => ({
  metadata: { uid, name: uid, ownerReferences: owner ? [{ apiVersion: 'v1', kind: 'X', name: owner, uid: owner }] : undefined },
});

describe('descendants', () => {
  const candidates = {
    replicasets: [obj('rs1', 'deploy'), obj('rs-other', 'other-deploy')],
    pods: [obj('p1', 'rs1'), obj('p2', 'rs1'), obj('p3', 'rs-other'), obj('lonely')],
  };

  it('finds children and grandchildren, and nothing owned elsewhere', () => {
    const found = descendants('deploy', candidates, (o) => o.metadata).map((o) => [o.kindId, o.item.metadata.uid, o.depth]);
    expect(found).toEqual([
      ['replicasets', 'rs1', 1],
      ['pods', 'p1', 2],
      ['pods', 'p2', 2],
    ]);
  });

  it('stops at the depth asked for', () => {
    expect(descendants('deploy', candidates, (o) => o.metadata, 1)).toHaveLength(1);
  });

  it('searches the children kinds of common owners', () => {
    expect(childKindsOf('Deployment', false)).toEqual(['replicasets', 'pods']);
    expect(childKindsOf('ConfigMap', false)).toEqual([]);
    expect(childKindsOf('Widget', true)).toContain('deployments');
  });
});
