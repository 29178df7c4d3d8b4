// Port arguments of port-forward resolved as kubectl resolves them before forwarding: named
// container ports to numbers, service ports to the selected pod's target ports, and UDP-only
// ports refused (forwarding is TCP).
import type { Pod, Service } from 'kubernetes-types/core/v1';

/** `LOCAL:REMOTE` or `PORT` (kubectl's splitPort: any other form keeps the first part). */
function splitPort(spec: string): [local: string, remote: string] {
  const parts = spec.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
}

const isNumber = (s: string) => /^[+-]?\d+$/.test(s);

function containerPortByName(pod: Pod, name: string): number {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])])
    for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  throw new Error(`Pod '${pod.metadata?.name}' does not have a named port '${name}'`);
}

function servicePortByName(svc: Service, name: string): number {
  const found = svc.spec?.ports?.find((p) => p.name === name);
  if (!found) throw new Error(`Service '${svc.metadata?.name}' does not have a named port '${name}'`);
  return found.port;
}

function containerPortForServicePort(svc: Service, pod: Pod, port: number): number {
  const spec = svc.spec?.ports?.find((p) => p.port === port);
  if (!spec) throw new Error(`Service ${svc.metadata?.name} does not have a service port ${port}`);
  if (svc.spec?.clusterIP === 'None') return port;
  const target = spec.targetPort;
  if (target === undefined || typeof target === 'number') return target || spec.port;
  return containerPortByName(pod, target);
}

const joined = (local: string, remote: string) => (local !== remote ? `${local}:${remote}` : remote);

export function namedPodPorts(specs: string[], pod: Pod): string[] {
  return specs.map((spec) => {
    const [local, remote] = splitPort(spec);
    if (remote === '') throw new Error('remote port cannot be empty');
    return joined(local, isNumber(remote) ? remote : String(containerPortByName(pod, remote)));
  });
}

export function servicePortsToTarget(specs: string[], svc: Service, pod: Pod): string[] {
  return specs.map((spec) => {
    const [given, remote] = splitPort(spec);
    let local = given;
    let port = Number(remote);
    if (!isNumber(remote)) {
      port = servicePortByName(svc, remote);
      if (local === remote) local = String(port);
    }
    return joined(local, String(containerPortForServicePort(svc, pod, port)));
  });
}

/** Throws when a remote port is served over UDP only (by the service, or by the pod's containers). */
export function udpOnlyPortUsed(specs: string[], target: Service | Pod): void {
  const isService = target.kind === 'Service';
  const declared = isService
    ? ((target as Service).spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }))
    : ((target as Pod).spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
  const tcp = new Set(declared.filter((d) => d.protocol === 'TCP').map((d) => d.port));
  const udpOnly = new Set(declared.filter((d) => d.protocol === 'UDP' && !tcp.has(d.port)).map((d) => d.port));
  for (const spec of specs) {
    const remote = splitPort(spec)[1];
    const port = isNumber(remote) ? Number(remote) : isService ? servicePortByName(target as Service, remote) : containerPortByName(target as Pod, remote);
    if (udpOnly.has(port)) throw new Error(`UDP protocol is not supported for ${remote}`);
  }
}
