import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { nodeLike, workerTemplate } from './node-template';

const node = (name: string, index: number, extra: { controlPlane?: boolean; managed?: boolean; ready?: boolean } = {}): Node => ({
  metadata: {
    name,
    labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(extra.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}) },
    annotations: { ...(extra.managed === false ? {} : { 'wheelhouse.dev/managed': 'true' }), 'wheelhouse.dev/state': 'stopped' },
  },
  spec: { podCIDR: `10.244.${index}.0/24` },
  status: {
    capacity: { cpu: '4', pods: '110' },
    allocatable: { cpu: '4', pods: '110' },
    conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True', lastHeartbeatTime: '2020-01-01T00:00:00Z', lastTransitionTime: '2020-01-01T00:00:00Z' }],
    addresses: [
      { type: 'InternalIP', address: `172.18.0.${index + 2}` },
      { type: 'Hostname', address: name },
    ],
    nodeInfo: { machineID: 'm', systemUUID: 's', bootID: 'b', kernelVersion: 'k', osImage: 'o', containerRuntimeVersion: 'r', kubeletVersion: 'v1.32.0', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64' },
  },
});

describe('workerTemplate', () => {
  it('picks a ready worker Wheelhouse manages, never the control plane', () => {
    expect(workerTemplate([node('cp1', 0, { controlPlane: true }), node('wrk1', 1, { ready: false }), node('wrk2', 2)])?.metadata?.name).toBe('wrk2');
  });
  it('finds none on a cluster Wheelhouse does not run', () => {
    expect(workerTemplate([node('real', 1, { managed: false })])).toBeUndefined();
  });
});

describe('nodeLike', () => {
  it('copies the machine and takes the next /24, the matching address, its own name and ids', () => {
    const nodes = [node('cp1', 0, { controlPlane: true }), node('wrk1', 1), node('wrk5', 5)];
    let n = 0;
    const added = nodeLike(nodes[1]!, nodes, 'wrk9', () => `00000000-0000-0000-0000-00000000000${n++}`, new Date('2026-01-01T00:00:00.123Z'));
    expect(added.metadata).toEqual({ name: 'wrk9', labels: { 'kubernetes.io/hostname': 'wrk9', 'kubernetes.io/os': 'linux' }, annotations: { 'wheelhouse.dev/managed': 'true' } });
    expect(added.spec).toEqual({ podCIDR: '10.244.6.0/24', podCIDRs: ['10.244.6.0/24'] });
    expect(added.status?.addresses).toEqual([
      { type: 'InternalIP', address: '172.18.0.8' },
      { type: 'Hostname', address: 'wrk9' },
    ]);
    expect(added.status?.capacity).toEqual({ cpu: '4', pods: '110' });
    expect(added.status?.conditions?.[0]).toMatchObject({ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:00:00Z' });
    expect(added.status?.nodeInfo).toMatchObject({ machineID: '00000000000000000000000000000000', systemUUID: '00000000-0000-0000-0000-000000000001', kubeletVersion: 'v1.32.0' });
  });
});
