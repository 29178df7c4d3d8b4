// DefaultTolerationSeconds: every pod tolerates the node lifecycle controller's NoExecute
// taints (not-ready, unreachable) for a while, so a node that misses a few heartbeats does not
// evict everything at once. Runs on pod create and update, never on subresources; a pod that
// already tolerates a taint (by key, or with an empty key, for NoExecute or any effect) keeps
// its own toleration.
import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from './chain';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

const toleratesNoExecute = (tolerations: Toleration[], key: string) =>
  tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));

/** The tolerations to append to a pod with these tolerations (none when it has both). */
export function missingDefaultTolerations(tolerations: Toleration[], seconds: number): Toleration[] {
  return [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]
    .filter((key) => !toleratesNoExecute(tolerations, key))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds }));
}

/** seconds: kube-apiserver's --default-not-ready/unreachable-toleration-seconds (the cluster timings). */
export function defaultTolerationSeconds(seconds: number): AdmissionPlugin {
  return {
    name: 'DefaultTolerationSeconds',
    mutate(req) {
      if (req.def.group !== '' || req.def.plural !== 'pods' || req.options.subresource) return;
      if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return;
      const pod = req.object as Pod;
      const spec = pod.spec;
      if (!spec) return;
      const missing = missingDefaultTolerations(spec.tolerations ?? [], seconds);
      if (missing.length > 0) (spec as { tolerations?: Toleration[] }).tolerations = [...(spec.tolerations ?? []), ...missing];
    },
  };
}
