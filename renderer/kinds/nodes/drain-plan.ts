// Which of a node's pods a drain evicts, as kubectl drain's filters decide (k8s.io/kubectl
// pkg/drain/filters.go): mirror pods are left alone (the kubelet owns them), DaemonSet pods are
// left (their controller would put them straight back; kubectl's --ignore-daemonsets), pods that
// finished go without question, and pods no controller would recreate need --force.
import type { Pod } from 'kubernetes-types/core/v1';

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export type PodVerdict =
  | { action: 'skip'; why: 'mirror' | 'daemonset' }
  | { action: 'evict'; unmanaged: boolean };

export function podVerdict(pod: Pod): PodVerdict {
  if (pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined) return { action: 'skip', why: 'mirror' };
  const controller = pod.metadata?.ownerReferences?.find((ref) => ref.controller);
  if (controller?.kind === 'DaemonSet') return { action: 'skip', why: 'daemonset' };
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  return { action: 'evict', unmanaged: !controller && !finished };
}

export interface DrainPlan {
  /** In the order they are evicted (namespace, then name, as kubectl lists them). */
  evict: Pod[];
  skipped: { pod: Pod; why: 'mirror' | 'daemonset' }[];
  /** Evicted only with "force": nothing recreates them (kubectl drain --force). */
  unmanaged: Pod[];
}

const byKey = (a: Pod, b: Pod) =>
  (a.metadata?.namespace ?? '').localeCompare(b.metadata?.namespace ?? '') || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');

export function drainPlan(pods: Pod[]): DrainPlan {
  const plan: DrainPlan = { evict: [], skipped: [], unmanaged: [] };
  for (const pod of [...pods].sort(byKey)) {
    const verdict = podVerdict(pod);
    if (verdict.action === 'skip') plan.skipped.push({ pod, why: verdict.why });
    else {
      plan.evict.push(pod);
      if (verdict.unmanaged) plan.unmanaged.push(pod);
    }
  }
  return plan;
}
