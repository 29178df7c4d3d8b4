import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { managedWorker } from './managed-worker';

const node = (name: string, extra: { controlPlane?: boolean; managed?: boolean; ready?: boolean; registered?: boolean } = {}): Node => ({
  metadata: {
    name,
    labels: extra.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {},
    annotations: extra.managed === false ? {} : { 'wheelhouse.dev/managed': 'true' },
  },
  status: {
    ...(extra.registered === false ? {} : { capacity: { cpu: '4', pods: '110' } }),
    conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True' }],
  },
});

describe('managedWorker', () => {
  it.each([
    ['a ready worker Wheelhouse manages, never the control plane', [node('cp1', { controlPlane: true }), node('wrk1', { ready: false }), node('wrk2')], 'wrk2'],
    ['none whose kubelet has not reported its capacity yet', [node('wrk1', { registered: false })], undefined],
    ['none on a cluster Wheelhouse does not run', [node('real', { managed: false })], undefined],
  ])('picks %s', (_name, nodes, expected) => {
    expect(managedWorker(nodes)?.metadata?.name).toBe(expected);
  });
});
