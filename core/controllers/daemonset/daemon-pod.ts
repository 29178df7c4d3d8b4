// The pods a DaemonSet makes (daemon/util): its template plus the tolerations every daemon pod
// gets, the pod-template-generation and controller-revision-hash labels, and required node
// affinity on metadata.name so that the default scheduler binds the pod to its node.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Affinity, Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { newControllerRef } from '../replicaset/controller-ref';

export type Daemon = Kube<DaemonSet>;

export const REVISION_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

const exists = (key: string, effect: 'NoExecute' | 'NoSchedule'): Toleration => ({ key, operator: 'Exists', effect });

/** AddOrUpdateDaemonPodTolerations: daemons stay through node conditions and cordons. */
export function addDaemonTolerations(spec: PodSpec): void {
  const wanted = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(spec.hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
  const tolerations = [...(spec.tolerations ?? [])];
  for (const w of wanted) {
    const same = (t: Toleration) => t.key === w.key && t.effect === w.effect && (t.operator ?? 'Equal') === w.operator && (t.value ?? '') === '';
    const i = tolerations.findIndex(same);
    if (i < 0) tolerations.push(w);
    else if (tolerations[i]!.tolerationSeconds !== undefined) tolerations[i] = w;
  }
  spec.tolerations = tolerations;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the pod may only go to nodeName. */
export function nodeNameAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const a = structuredClone(affinity ?? {});
  const na = (a.nodeAffinity ??= {});
  na.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [term] };
  return a;
}

export function templateGeneration(ds: Daemon): string | undefined {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
}

/** A pod of ds for node, at the revision hash. */
export function newDaemonPod(ds: Daemon, nodeName: string, hash: string): Pod {
  const t = structuredClone(ds.spec!.template);
  const generation = templateGeneration(ds);
  const spec: PodSpec = t.spec!;
  addDaemonTolerations(spec);
  spec.affinity = nodeNameAffinity(spec.affinity, nodeName);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...t.metadata?.labels, ...(generation ? { [TEMPLATE_GENERATION_LABEL]: generation } : {}), [REVISION_LABEL]: hash },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ...(t.metadata?.finalizers ? { finalizers: [...t.metadata.finalizers] } : {}),
      ownerReferences: [newControllerRef(ds, 'apps/v1', 'DaemonSet')],
    },
    spec,
  };
}

/** The node a daemon pod is for: its nodeName, or before binding the node its affinity names. */
export function targetNode(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

/** IsPodUpdated: the pod carries the revision hash or the template generation of ds. */
export function isPodUpdated(ds: Daemon, hash: string, pod: Pod): boolean {
  const labels = pod.metadata?.labels ?? {};
  const generation = templateGeneration(ds);
  return (!!hash && labels[REVISION_LABEL] === hash) || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation);
}
