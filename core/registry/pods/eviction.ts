// pods/eviction (EvictionREST): a delete that honours PodDisruptionBudgets, 429 when it would
// break one.
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Kube } from '../../machinery/object';
import { labelSelectorMatches } from '../../machinery/selectors/label-selector';
import { ApiError, badRequest, tooManyRequests } from '../../machinery/status';
import { metaTime } from '../../machinery/meta-time';
import type { ResourceStore, WriteOptions } from '../generic/resource-store';

/** An Eviction as it arrives (a decoded body). */
export interface EvictionBody {
  metadata?: { name?: string };
  deleteOptions?: { gracePeriodSeconds?: number; preconditions?: { uid?: string; resourceVersion?: string }; dryRun?: string[] };
}

/** PDBs in the pod's namespace whose selector matches it. */
function budgetsFor(budgets: ResourceStore | undefined, pod: Kube<Pod>): Kube<PodDisruptionBudget>[] {
  if (!budgets) return [];
  return budgets
    .list({ namespace: pod.metadata.namespace })
    .items.map((c) => c.object as Kube<PodDisruptionBudget>)
    .filter((b) => b.spec?.selector && labelSelectorMatches(b.spec.selector, pod.metadata.labels));
}

/**
 * Evicts a pod: takes one disruption from the budget that covers it (at most one may), then
 * deletes the pod. budgets is the PodDisruptionBudget store, when the cluster serves them.
 */
export async function evictPod(
  pods: ResourceStore,
  budgets: ResourceStore | undefined,
  namespace: string | undefined,
  name: string,
  body: EvictionBody,
  options: WriteOptions,
): Promise<void> {
  if (body.metadata?.name && body.metadata.name !== name) {
    throw badRequest(`name in URL does not match name in Eviction object`);
  }
  const pod = pods.get(namespace, name).object as Kube<Pod>;
  const phase = pod.status?.phase;
  // Pods that are done or being deleted can always go; others only if every budget allows it.
  if (phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp) {
    const matching = budgetsFor(budgets, pod);
    if (matching.length > 1) {
      throw new ApiError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    }
    const pdb = matching[0];
    if (pdb) {
      const allowed = pdb.status?.disruptionsAllowed ?? 0;
      if ((pdb.status?.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0) || allowed <= 0) {
        throw tooManyRequests('Cannot evict pod as it would violate the pod\'s disruption budget.', [
          {
            reason: 'DisruptionBudget',
            message: `The disruption budget ${pdb.metadata.name} needs ${pdb.status?.desiredHealthy ?? 0} healthy pods and has ${pdb.status?.currentHealthy ?? 0} currently`,
          },
        ]);
      }
      await budgets!.guaranteedUpdate(
        pdb.metadata.namespace,
        pdb.metadata.name!,
        (cur) => {
          const b = cur as Kube<PodDisruptionBudget>;
          if ((b.status?.disruptionsAllowed ?? 0) <= 0) {
            throw tooManyRequests('Cannot evict pod as it would violate the pod\'s disruption budget.');
          }
          b.status = {
            ...b.status!,
            disruptionsAllowed: b.status!.disruptionsAllowed - 1,
            disruptedPods: { ...(b.status!.disruptedPods ?? {}), [name]: metaTime() },
          };
          return b;
        },
        { ...options, subresource: 'status', dryRun: options.dryRun || !!body.deleteOptions?.dryRun?.length },
      );
    }
  }
  const opts = body.deleteOptions ?? {};
  await pods.delete(
    namespace,
    name,
    { gracePeriodSeconds: opts.gracePeriodSeconds, preconditions: opts.preconditions },
    { ...options, dryRun: options.dryRun || !!opts.dryRun?.length },
  );
}
