import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');
const svc = (spec: Service['spec'], status?: Service['status']): Kube<Service> => ({
  metadata: { name: 's', creationTimestamp: '2024-05-01T11:59:00Z' },
  spec,
  status,
});

describe('service printer', () => {
  it('has the real columns', () => {
    expect(printer.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Type:0',
      'Cluster-IP:0',
      'External-IP:0',
      'Port(s):0',
      'Age:0',
      'Selector:1',
    ]);
  });

  const cases: { name: string; svc: Kube<Service>; expected: unknown[] }[] = [
    {
      name: 'cluster IP',
      svc: svc({ type: 'ClusterIP', clusterIPs: ['10.96.0.10'], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }], selector: { k8s: 'dns' } }),
      expected: ['s', 'ClusterIP', '10.96.0.10', '<none>', '53/UDP,53/TCP', '60s', 'k8s=dns'],
    },
    {
      name: 'headless without ports or selector',
      svc: svc({ type: 'ClusterIP', clusterIPs: ['None'] }),
      expected: ['s', 'ClusterIP', 'None', '<none>', '<none>', '60s', '<none>'],
    },
    {
      name: 'node port with external IPs',
      svc: svc({ type: 'NodePort', clusterIPs: ['10.96.1.1'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }),
      expected: ['s', 'NodePort', '10.96.1.1', '1.2.3.4,5.6.7.8', '80:30080/TCP', '60s', '<none>'],
    },
    {
      name: 'load balancer pending',
      svc: svc({ type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] }),
      expected: ['s', 'LoadBalancer', '10.96.1.2', '<pending>', '443:31443/TCP', '60s', '<none>'],
    },
    {
      name: 'load balancer with addresses, sorted and whole',
      svc: svc(
        { type: 'LoadBalancer', clusterIPs: ['10.96.1.3'], externalIPs: ['9.9.9.9'] },
        { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }, { ip: '127.0.0.240' }, { ip: '127.0.0.240' }] } },
      ),
      expected: ['s', 'LoadBalancer', '10.96.1.3', '127.0.0.240,lb.example.com,9.9.9.9', '<none>', '60s', '<none>'],
    },
    {
      name: 'external name',
      svc: svc({ type: 'ExternalName', externalName: 'db.example.com' }),
      expected: ['s', 'ExternalName', '<none>', 'db.example.com', '<none>', '60s', '<none>'],
    },
  ];
  it.each(cases)('$name', ({ svc: s, expected }) => {
    expect(printer.cells(s, now)).toEqual(expected);
  });
});
