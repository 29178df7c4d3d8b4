// ResourceQuota admission: a create (or usage-changing update) that would take a namespace over
// one of its quotas is refused with 403 and the quota's numbers; pods must state requests and
// limits for the cpu/memory resources a quota constrains. Accepted usage is charged to the
// quota's status.used at once, so writes racing the controller cannot overrun it.
import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import type { Registry } from '../../registry/registry';
import type { Kube, KubeObject } from '../../machinery/object';
import { forbidden } from '../../machinery/status';
import type { AdmissionRequest, ResourceStore, UserInfo } from '../../registry/generic/resource-store';
import { evaluatorFor, podConstraintError, podEvaluator, quotaCovers, type Evaluator } from '../../quota/evaluators';
import { add, exceeded, isNegative, mask, prettyPrint, removeZeros, subtractNonNegative, type ResourceList } from '../../quota/resource-list';
import type { AdmissionPlugin } from './chain';

type Quota = Kube<ResourceQuota>;
const SYSTEM: UserInfo = { username: 'system:apiserver', groups: ['system:masters'] };
const hardOf = (q: Quota): ResourceList => (q.status?.hard as ResourceList | undefined) ?? {};
const usedOf = (q: Quota): ResourceList => (q.status?.used as ResourceList | undefined) ?? {};

/** The quota's own check of a charge: the error message, or the new used list. */
function charge(q: Quota, delta: ResourceList): { error: string } | { used: ResourceList } {
  const hard = hardOf(q);
  const requested = mask(delta, Object.keys(hard));
  const used = add(usedOf(q), requested);
  const over = exceeded(mask(used, Object.keys(requested)), hard);
  if (over.length === 0) return { used };
  return {
    error: `exceeded quota: ${q.metadata.name}, requested: ${prettyPrint(mask(requested, over))}, used: ${prettyPrint(mask(usedOf(q), over))}, limited: ${prettyPrint(mask(hard, over))}`,
  };
}

/** The quotas the object is charged against, after their preconditions hold (CheckRequest). */
function interestingQuotas(req: AdmissionRequest, e: Evaluator, quotas: Quota[]): Quota[] {
  const out: Quota[] = [];
  for (const q of quotas) {
    if (!quotaCovers(q, e, req.object)) continue;
    const restricted = e.matching(Object.keys(hardOf(q)));
    if (restricted.length === 0) continue;
    if (e === podEvaluator) {
      const err = podConstraintError(restricted, req.object as Pod);
      if (err) throw forbidden(req.def, req.name, `failed quota: ${q.metadata.name}: ${err}`);
    }
    const used = usedOf(q);
    const unknown = restricted.filter((r) => !(r in used));
    if (unknown.length > 0) {
      throw forbidden(req.def, req.name, `status unknown for quota: ${q.metadata.name}, resources: ${[...restricted].sort().join(',')}`);
    }
    out.push(q);
  }
  return out;
}

export function resourceQuota(registry: Registry, now: () => Date = () => new Date()): AdmissionPlugin {
  return {
    name: 'ResourceQuota',
    // Synchronous until a quota applies: most namespaces have none, and the chain need not wait.
    validate(req) {
      const { operation, namespace, def } = req;
      if ((operation !== 'CREATE' && operation !== 'UPDATE') || !namespace || req.options.subresource) return;
      const store = registry.storeFor('', 'resourcequotas');
      const quotas = (store?.list({ namespace }).items ?? []).map((c) => c.object as Quota);
      if (quotas.length === 0) return;
      const e = evaluatorFor(def.group, def.plural);
      if (!e.handles(operation)) return;
      const interesting = interestingQuotas(req, e, quotas);
      if (interesting.length === 0) return;
      return enforce(req, e, interesting, store);
    },
  };

  async function enforce(req: AdmissionRequest, e: Evaluator, interesting: Quota[], store: ResourceStore | undefined): Promise<void> {
    const { operation, namespace, def } = req;
    const input = e.usage(req.object, now());
    const negative = isNegative(input);
    if (negative.length > 0) throw forbidden(def, req.name, `quota usage is negative for resource(s): ${negative.sort().join(',')}`);
    const old = operation === 'UPDATE' ? req.old : undefined;
    const deltaFor = (q: Quota) => removeZeros(old && quotaCovers(q, e, old) ? subtractNonNegative(input, e.usage(old, now())) : input);

    // Check every quota first, then charge each (re-checked against its latest status).
    for (const q of interesting) {
      const r = charge(q, deltaFor(q));
      if ('error' in r) throw forbidden(def, req.name, r.error);
    }
    if (req.options.dryRun || !store) return;
    for (const q of interesting) {
      const delta = deltaFor(q);
      if (Object.keys(delta).length === 0) continue;
      await store.guaranteedUpdate(
        namespace,
        q.metadata.name!,
        (cur) => {
          const r = charge(cur as Quota, delta);
          if ('error' in r) throw forbidden(def, req.name, r.error);
          return { ...cur, status: { ...(cur.status as object), used: r.used } } as KubeObject;
        },
        { user: SYSTEM, subresource: 'status', fieldManager: 'kube-apiserver' },
      );
    }
  }
}
