import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { findKind } from './resources';
import { templateFor } from './templates';

const ids = ['deployments', 'services', 'ingresses', 'configmaps', 'secrets', 'jobs', 'cronjobs', 'namespaces', 'persistentvolumeclaims', 'serviceaccounts', 'roles', 'rolebindings'];

describe('templateFor', () => {
  it.each(ids)('%s is one object of its kind, in the namespace given', (id) => {
    const kind = findKind(id)!;
    const obj = yaml.load(templateFor(kind, 'team-a')) as { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };
    expect(obj.apiVersion).toBe(kind.group ? `${kind.group}/${kind.version}` : kind.version);
    expect(obj.kind).toBe(kind.kind);
    expect(obj.metadata.name).toMatch(/^my-[a-z-]+$/);
    expect(obj.metadata.namespace).toBe(kind.namespaced ? 'team-a' : undefined);
  });

  it('gives other kinds their apiVersion, kind and metadata, in default when all namespaces are shown', () => {
    const obj = yaml.load(templateFor(findKind('horizontalpodautoscalers')!, '')) as object;
    expect(obj).toEqual({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'my-horizontal-pod-autoscaler', namespace: 'default' } });
  });
});
