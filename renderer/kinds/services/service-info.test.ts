import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube/object-source';
import { endpointRows, serviceLinks } from './service-info';

const service = (type: string, ports: object[], ingress: object[] = []): KubeObject => ({ metadata: { name: 's' }, spec: { type, ports }, status: { loadBalancer: { ingress } } });

describe('serviceLinks', () => {
  it.each([
    ['ClusterIP: nothing to open', service('ClusterIP', [{ port: 80 }]), true, []],
    ['NodePort on the embedded cluster', service('NodePort', [{ port: 80, nodePort: 30080 }]), true, ['http://127.0.0.1:30080/']],
    ['NodePort elsewhere: no address known', service('NodePort', [{ port: 80, nodePort: 30080 }]), false, []],
    ['UDP ports are not web addresses', service('NodePort', [{ port: 53, nodePort: 30053, protocol: 'UDP' }]), true, []],
    ['LoadBalancer by IP and hostname, 443 as https', service('LoadBalancer', [{ port: 443, nodePort: 31443 }], [{ ip: '203.0.113.7' }, { hostname: 'lb.example.com' }]), false, ['https://203.0.113.7:443/', 'https://lb.example.com:443/']],
    ['LoadBalancer with an IPv6 ingress', service('LoadBalancer', [{ port: 80 }], [{ ip: '2001:db8::1' }]), false, ['http://[2001:db8::1]:80/']],
  ])('%s', (_name, svc, embedded, urls) => {
    expect(serviceLinks(svc, embedded).map((l) => l.url)).toEqual(urls);
  });
});

describe('endpointRows', () => {
  it('lists addresses ready first; no ready condition counts as ready', () => {
    const slice: KubeObject = {
      metadata: { name: 's-abc' },
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.0.0.9'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'web-2' }, nodeName: 'wrk2' },
        { addresses: ['10.0.0.3'], conditions: {}, targetRef: { kind: 'Pod', name: 'web-1' }, nodeName: 'wrk1' },
      ],
    };
    expect(endpointRows([slice])).toEqual([
      { address: '10.0.0.3', ready: true, pod: 'web-1', node: 'wrk1', ports: 'http 8080/TCP' },
      { address: '10.0.0.9', ready: false, pod: 'web-2', node: 'wrk2', ports: 'http 8080/TCP' },
    ]);
  });
});
