// A quota's status as the ResourceQuota controller computes it (quota.CalculateUsage): for
// every kind its resource names concern, the usage of the namespace's objects under its
// scopes, zero where nothing is used, limited to the names it sets.
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../machinery/object';
import type { InformerFactory } from '../../client/informer';
import { countedKinds, evaluatorFor, podEvaluator, pvcEvaluator, quotaCovers, serviceEvaluator, type Evaluator } from '../../quota/evaluators';
import { add, mask, type ResourceList } from '../../quota/resource-list';

/** The evaluators concerned by a quota's resource names, each with the names it answers for. */
export function evaluatorsFor(names: string[]): Array<[Evaluator, string[]]> {
  const all = new Map<string, Evaluator>();
  for (const e of [podEvaluator, serviceEvaluator, pvcEvaluator]) all.set(`${e.group}/${e.plural}`, e);
  for (const [g, p] of countedKinds(names)) all.set(`${g}/${p}`, evaluatorFor(g, p));
  return [...all.values()].map((e) => [e, e.matching(names)] as [Evaluator, string[]]).filter(([, m]) => m.length > 0);
}

export function quotaUsage(informers: InformerFactory, quota: ResourceQuota, now: Date): ResourceList {
  const names = Object.keys(quota.spec?.hard ?? {});
  const ns = quota.metadata?.namespace;
  let used: ResourceList = {};
  for (const [e, matched] of evaluatorsFor(names)) {
    used = add(used, Object.fromEntries(matched.map((n) => [n, '0'])));
    for (const o of informers.informer<KubeObject>(e.group, e.plural).list(ns)) {
      if (quotaCovers(quota, e, o)) used = add(used, mask(e.usage(o, now), matched));
    }
  }
  return mask(used, names);
}
