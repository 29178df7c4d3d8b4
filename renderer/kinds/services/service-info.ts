// What a Service page shows, read from the Service and its EndpointSlices: the addresses a
// browser can open, and the endpoints with their readiness.
import type { KubeObject } from '../../kube/object-source';

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  protocol?: string;
}

export interface ServiceLink {
  label: string;
  url: string;
}

interface ServiceShape {
  spec?: { type?: string; ports?: ServicePort[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

const WEB_PROTOCOL = (p: ServicePort) => (p.protocol ?? 'TCP') === 'TCP';
const scheme = (port: number, name?: string) => (port === 443 || /https/i.test(name ?? '') ? 'https' : 'http');
const hostPart = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Addresses to open: a LoadBalancer's ingress IP or hostname on the Service port, and for the
 *  embedded cluster (whose nodes are this machine) each NodePort on 127.0.0.1. */
export function serviceLinks(service: KubeObject, embedded: boolean): ServiceLink[] {
  const { spec, status } = service as ServiceShape;
  const ports = (spec?.ports ?? []).filter(WEB_PROTOCOL);
  const links: ServiceLink[] = [];
  if (spec?.type === 'LoadBalancer') {
    for (const ingress of status?.loadBalancer?.ingress ?? []) {
      const host = ingress.ip ?? ingress.hostname;
      if (!host) continue;
      for (const p of ports) links.push({ label: `${host}:${p.port}`, url: `${scheme(p.port, p.name)}://${hostPart(host)}:${p.port}/` });
    }
  }
  if (embedded && (spec?.type === 'NodePort' || spec?.type === 'LoadBalancer')) {
    for (const p of ports) if (p.nodePort) links.push({ label: `127.0.0.1:${p.nodePort}`, url: `${scheme(p.port, p.name)}://127.0.0.1:${p.nodePort}/` });
  }
  return links;
}

export interface EndpointRow {
  address: string;
  ready: boolean;
  pod?: string;
  node?: string;
  ports: string;
}

interface SliceShape {
  endpoints?: { addresses?: string[]; conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string }; nodeName?: string }[];
  ports?: { name?: string; port?: number; protocol?: string }[];
}

/** Every endpoint address of the slices; a missing ready condition means ready, as the API says. */
export function endpointRows(slices: KubeObject[]): EndpointRow[] {
  const rows: EndpointRow[] = [];
  for (const slice of slices as SliceShape[]) {
    const ports = (slice.ports ?? []).map((p) => `${p.name ? `${p.name} ` : ''}${p.port ?? '?'}/${p.protocol ?? 'TCP'}`).join(', ');
    for (const ep of slice.endpoints ?? []) {
      const pod = ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : undefined;
      for (const address of ep.addresses ?? []) rows.push({ address, ready: ep.conditions?.ready !== false, pod, node: ep.nodeName, ports });
    }
  }
  return rows.sort((a, b) => Number(b.ready) - Number(a.ready) || a.address.localeCompare(b.address));
}
