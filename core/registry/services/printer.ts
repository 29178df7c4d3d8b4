// kubectl get services: TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), AGE; wide: SELECTOR.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { NONE, formatLabels } from '../printing/format';

/** The load balancer's addresses, IP before hostname, sorted and each once. */
export function loadBalancerAddresses(status: { ingress?: { ip?: string; hostname?: string }[] } | undefined): string[] {
  const found = new Set<string>();
  for (const ing of status?.ingress ?? []) {
    if (ing.ip) found.add(ing.ip);
    else if (ing.hostname) found.add(ing.hostname);
  }
  return [...found].sort();
}

// The server prints wide output, so load-balancer addresses are never cut short.
function externalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : NONE;
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer);
      if (external.length) return [...lb, ...external].join(',');
      return lb.length ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** "80/TCP", or "80:30080/TCP" with a node port, comma-separated. */
export function portsString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
}

export const printer: Printer<Kube<Service>> = {
  columns: [
    nameColumn,
    column('Type', 'string', doc.svcType),
    column('Cluster-IP', 'string', doc.svcClusterIP),
    column('External-IP', 'string', doc.svcExternalIPs),
    column('Port(s)', 'string', doc.svcPorts),
    ageColumn,
    column('Selector', 'string', doc.svcSelector, { priority: 1 }),
  ],
  cells: (svc, now) => [
    svc.metadata.name ?? '',
    svc.spec?.type ?? '',
    svc.spec?.clusterIPs?.[0] ?? NONE,
    externalIP(svc),
    portsString(svc.spec?.ports) || NONE,
    age(svc, now),
    formatLabels(svc.spec?.selector),
  ],
};
