// An Ingress's routing as rows: host and path to backend, as kubectl describe lists its rules.
import type { KubeObject } from '../../kube/object-source';

export interface IngressRoute {
  host: string;
  path: string;
  pathType?: string;
  /** The Service backend, if it is one (otherwise a resource backend, named). */
  service?: { name: string; port: string };
  resource?: string;
  /** http(s)://host/path when the host is a name a browser can open. */
  url?: string;
}

interface Backend {
  service?: { name: string; port?: { number?: number; name?: string } };
  resource?: { kind: string; name: string };
}
interface IngressShape {
  spec?: {
    defaultBackend?: Backend;
    tls?: { hosts?: string[] }[];
    rules?: { host?: string; http?: { paths?: { path?: string; pathType?: string; backend: Backend }[] } }[];
  };
}

function backendOf(b: Backend): Pick<IngressRoute, 'service' | 'resource'> {
  if (b.service) return { service: { name: b.service.name, port: String(b.service.port?.number ?? b.service.port?.name ?? '') } };
  return { resource: b.resource ? `${b.resource.kind} ${b.resource.name}` : undefined };
}

export function ingressRoutes(ingress: KubeObject): IngressRoute[] {
  const spec = (ingress as IngressShape).spec ?? {};
  const tlsHosts = new Set((spec.tls ?? []).flatMap((t) => t.hosts ?? []));
  const routes: IngressRoute[] = [];
  for (const rule of spec.rules ?? []) {
    const host = rule.host ?? '*';
    for (const p of rule.http?.paths ?? []) {
      const path = p.path ?? '/';
      const openable = rule.host && !rule.host.startsWith('*');
      const url = openable ? `${tlsHosts.has(rule.host!) ? 'https' : 'http'}://${rule.host}${path.startsWith('/') ? path : `/${path}`}` : undefined;
      routes.push({ host, path, pathType: p.pathType, ...backendOf(p.backend), url });
    }
  }
  if (spec.defaultBackend) routes.push({ host: '*', path: '(default backend)', ...backendOf(spec.defaultBackend) });
  return routes;
}
