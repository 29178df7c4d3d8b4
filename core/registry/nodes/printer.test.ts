import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');
const info = {
  kubeletVersion: 'v1.32.0',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  kernelVersion: '6.1.0',
  containerRuntimeVersion: 'wheelhouse://0.1.0',
  architecture: 'amd64',
  bootID: '',
  kubeProxyVersion: '',
  machineID: '',
  operatingSystem: 'linux',
  systemUUID: '',
};

describe('node printer', () => {
  const cases: { name: string; node: Kube<Node>; expected: unknown[] }[] = [
    {
      name: 'ready control plane',
      node: {
        metadata: {
          name: 'n1',
          creationTimestamp: '2024-04-29T12:00:00Z',
          labels: { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/master': '', 'kubernetes.io/hostname': 'n1' },
        },
        status: {
          conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
          addresses: [{ type: 'Hostname', address: 'n1' }, { type: 'InternalIP', address: '192.168.1.10' }],
          nodeInfo: info,
        },
      },
      expected: ['n1', 'Ready', 'control-plane,master', '2d', 'v1.32.0', '192.168.1.10', '<none>', info.osImage, '6.1.0', 'wheelhouse://0.1.0'],
    },
    {
      name: 'cordoned and not ready, role from kubernetes.io/role',
      node: {
        metadata: { name: 'n2', creationTimestamp: '2024-05-01T11:00:00Z', labels: { 'kubernetes.io/role': 'worker' } },
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'Unknown' }], addresses: [{ type: 'ExternalIP', address: '1.2.3.4' }] },
      },
      expected: ['n2', 'NotReady,SchedulingDisabled', 'worker', '60m', '', '<none>', '1.2.3.4', '<unknown>', '<unknown>', '<unknown>'],
    },
    {
      name: 'no conditions yet',
      node: { metadata: { name: 'n3', creationTimestamp: '2024-05-01T11:59:30Z' } },
      expected: ['n3', 'Unknown', '<none>', '30s', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    },
  ];
  it.each(cases)('$name', ({ node, expected }) => {
    expect(printer.cells(node, now)).toEqual(expected);
  });

  it('lists wide columns with priority 1', () => {
    expect(printer.columns.filter((c) => c.priority === 1).map((c) => c.name)).toEqual([
      'Internal-IP',
      'External-IP',
      'OS-Image',
      'Kernel-Version',
      'Container-Runtime',
    ]);
  });
});
