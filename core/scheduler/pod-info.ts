// What the scheduler needs of a pod, computed once per pod version: requests, host ports,
// priority and parsed inter-pod affinity terms.
import type { Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';
import type { Kube } from '../machinery/object';
import { matchesLabels, nothing, selectorFromLabelSelector, type Selector } from '../machinery/selectors/label-selector';
import { podNonZeroRequests, podRequests, type Resources } from './resources';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface AffinityTerm {
  selector: Selector;
  namespaces: Set<string>;
  namespaceSelector: Selector;
  topologyKey: string;
  /** For preferred terms: their weight (negative for anti-affinity in scoring). */
  weight: number;
}

/** Namespace name -> labels, for namespaceSelector. */
export type NamespaceLabels = (namespace: string) => Record<string, string> | undefined;

export interface PodInfo {
  pod: Kube<Pod>;
  key: string;
  namespace: string;
  priority: number;
  requests: Resources;
  nonZero: { milliCPU: number; memory: number };
  ports: HostPort[];
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAntiAffinity: AffinityTerm[];
}

function safeSelector(ls: PodAffinityTerm['labelSelector']): Selector {
  try {
    return selectorFromLabelSelector(ls);
  } catch {
    return nothing; // the API server does not validate every selector; an invalid one selects nothing
  }
}

function affinityTerm(pod: Pod, t: PodAffinityTerm, weight: number): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(pod.metadata?.namespace ?? '');
  return {
    selector: safeSelector(t.labelSelector),
    namespaces,
    namespaceSelector: t.namespaceSelector ? safeSelector(t.namespaceSelector) : nothing,
    topologyKey: t.topologyKey,
    weight,
  };
}

/** Does a term select this pod (by namespace and labels)? */
export function termSelects(term: AffinityTerm, pod: Pod, nsLabels: NamespaceLabels): boolean {
  const ns = pod.metadata?.namespace ?? '';
  const inNamespace = term.namespaces.has(ns) || (!term.namespaceSelector.nothing && matchesLabels(term.namespaceSelector, nsLabels(ns)));
  return inNamespace && matchesLabels(term.selector, pod.metadata?.labels);
}

function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

export function podInfo(pod: Kube<Pod>): PodInfo {
  const a = pod.spec?.affinity;
  const ns = pod.metadata.namespace ?? '';
  return {
    pod,
    key: `${ns}/${pod.metadata.name}`,
    namespace: ns,
    priority: pod.spec?.priority ?? 0,
    requests: podRequests(pod),
    nonZero: podNonZeroRequests(pod),
    ports: hostPorts(pod),
    requiredAffinity: (a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t, 1)),
    requiredAntiAffinity: (a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t, 1)),
    preferredAffinity: (a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t.podAffinityTerm, t.weight)),
    preferredAntiAffinity: (a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t) =>
      affinityTerm(pod, t.podAffinityTerm, t.weight),
    ),
  };
}

export const hasAffinity = (p: PodInfo) =>
  p.requiredAffinity.length + p.requiredAntiAffinity.length + p.preferredAffinity.length + p.preferredAntiAffinity.length > 0;

