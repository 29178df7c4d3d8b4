// What the Endpoints and EndpointSlice controllers share: which pods back a Service, whether
// they are ready, and which port each Service port reaches on each pod (named targetPorts
// resolve per pod, so pods can differ).
import type { EndpointPort, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';

export type PodObject = Kube<Pod>;
export type ServiceObject = Kube<Service>;

export const isPodReady = (pod: Pod): boolean => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

export const hasSelector = (svc: Service): boolean => Object.keys(svc.spec?.selector ?? {}).length > 0;

export const isHeadless = (svc: Service): boolean => svc.spec?.clusterIP === 'None';

export function selects(svc: Service, pod: Pod): boolean {
  const labels = pod.metadata?.labels ?? {};
  return hasSelector(svc) && Object.entries(svc.spec!.selector!).every(([k, v]) => labels[k] === v);
}

/** ShouldPodBeInEndpoints: has an IP, has not finished for good, not terminating unless wanted. */
export function shouldBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  const restart = pod.spec?.restartPolicy ?? 'Always';
  if (restart === 'Never' && (phase === 'Failed' || phase === 'Succeeded')) return false;
  if (restart === 'OnFailure' && phase === 'Succeeded') return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  return includeTerminating || !pod.metadata?.deletionTimestamp;
}

/** The container port a Service port reaches on this pod (FindPort); undefined if it names none. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** The endpoint ports of svc on pod, in the Service's order, skipping ports the pod lacks. */
export function podEndpointPorts(svc: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

/** Labels of the objects derived from svc: its own, plus the headless marker. */
export function derivedLabels(svc: Service): Record<string, string> {
  return { ...svc.metadata?.labels, ...(isHeadless(svc) ? { 'service.kubernetes.io/headless': '' } : {}) };
}

export const podIp = (pod: Pod): string => pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? '';

/** Pods grouped by the ports they expose for svc, each group sorted by IP (stable output). */
export function groupByPorts(svc: Service, pods: PodObject[]): Array<{ ports: EndpointPort[]; pods: PodObject[] }> {
  const groups = new Map<string, { ports: EndpointPort[]; pods: PodObject[] }>();
  for (const pod of pods) {
    const ports = podEndpointPorts(svc, pod);
    // A pod reaching none of several ports serves nothing; a port-less (headless) Service still lists it.
    if (ports.length === 0 && (svc.spec?.ports?.length ?? 0) > 0) continue;
    const key = JSON.stringify(ports);
    const g = groups.get(key) ?? { ports, pods: [] };
    g.pods.push(pod);
    groups.set(key, g);
  }
  for (const g of groups.values()) g.pods.sort((a, b) => compareIps(podIp(a), podIp(b)) || (a.metadata.uid ?? '').localeCompare(b.metadata.uid ?? ''));
  return [...groups.values()];
}

function compareIps(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
