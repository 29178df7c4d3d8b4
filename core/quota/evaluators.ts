// Quota evaluators (pkg/quota/v1/evaluator/core): for each kind, which quota resource names it
// is charged against, how much one object uses, and (for pods) which requests and limits a
// quota on cpu or memory requires. Any resource is counted by `count/<plural>.<group>`.
import type { PersistentVolumeClaim, Pod, ResourceQuota, ResourceRequirements, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../machinery/object';
import { podQOSClass } from '../registry/pods/qos';
import { add, compare, type ResourceList } from './resource-list';

export interface Evaluator {
  group: string;
  plural: string;
  /** Of the quota's resource names, those this kind is charged against. */
  matching(names: string[]): string[];
  usage(obj: KubeObject, now: Date): ResourceList;
  /** Whether a write of this operation changes usage (pods: only creates). */
  handles(operation: 'CREATE' | 'UPDATE'): boolean;
}

export const countName = (group: string, plural: string) => `count/${plural}${group ? `.${group}` : ''}`;

/** Core kinds whose plain plural is also a quota name (`configmaps`, `secrets`, ...). */
const LEGACY_COUNTED = new Set(['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas']);

function objectCount(group: string, plural: string): Evaluator {
  const names = [countName(group, plural), ...(group === '' && LEGACY_COUNTED.has(plural) ? [plural] : [])];
  return {
    group,
    plural,
    matching: (hard) => hard.filter((n) => names.includes(n)),
    usage: () => Object.fromEntries(names.map((n) => [n, '1'])),
    handles: (op) => op === 'CREATE',
  };
}

// --- pods ---

const POD_RESOURCES = new Set([
  countName('', 'pods'), 'pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory',
  'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
]);
const isNativeResource = (n: string) => !n.includes('/') || n.includes('kubernetes.io/');
const podResourceName = (n: string) =>
  POD_RESOURCES.has(n) || n.startsWith('hugepages-') || n.startsWith('requests.hugepages-') || (n.startsWith('requests.') && !isNativeResource(n));

/** Resources whose quota makes every container state them (kept for compatibility by Kubernetes). */
const REQUIRED_WHEN_QUOTED = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

type List = Record<string, string> | undefined;

/** podComputeUsageHelper: quota names charged for given requests and limits. */
function computeUsage(requests: List, limits: List): ResourceList {
  const out: ResourceList = { pods: '1' };
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    if (requests?.[r] !== undefined) {
      out[r] = requests[r]!;
      out[`requests.${r}`] = requests[r]!;
    }
    if (limits?.[r] !== undefined) out[`limits.${r}`] = limits[r]!;
  }
  for (const [r, v] of Object.entries(requests ?? {})) {
    if (r.startsWith('hugepages-')) {
      out[r] = v;
      out[`requests.${r}`] = v;
    } else if (!isNativeResource(r)) out[`requests.${r}`] = v;
  }
  return out;
}

const maxOf = (a: ResourceList, b: ResourceList): ResourceList => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) if (!(k in out) || compare(v, out[k]) > 0) out[k] = v;
  return out;
};

/** PodRequests/PodLimits: containers summed, each init container a floor, overhead added. */
function podTotal(pod: Pod, field: keyof ResourceRequirements): ResourceList {
  let sum: ResourceList = {};
  for (const c of pod.spec?.containers ?? []) sum = add(sum, (c.resources?.[field] as List) ?? {});
  for (const c of pod.spec?.initContainers ?? []) sum = maxOf(sum, (c.resources?.[field] as List) ?? {});
  return add(sum, (pod.spec?.overhead as List) ?? {});
}

/** QuotaV1Pod: pods that finished, or whose deletion is overdue, no longer use compute quota. */
function chargedForCompute(pod: Pod, now: Date): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') return false;
  const m = pod.metadata ?? {};
  if (m.deletionTimestamp && m.deletionGracePeriodSeconds !== undefined) {
    return now.getTime() <= Date.parse(m.deletionTimestamp) + m.deletionGracePeriodSeconds * 1000;
  }
  return true;
}

export const podEvaluator: Evaluator = {
  group: '',
  plural: 'pods',
  matching: (hard) => hard.filter(podResourceName),
  usage(obj, now) {
    const pod = obj as Pod;
    const count: ResourceList = { [countName('', 'pods')]: '1' };
    if (!chargedForCompute(pod, now)) return count;
    return { ...count, ...computeUsage(podTotal(pod, 'requests'), podTotal(pod, 'limits')) };
  },
  handles: (op) => op === 'CREATE',
};

/** The "must specify ..." error of a pod that leaves a quoted resource unstated, or undefined. */
export function podConstraintError(required: string[], pod: Pod): string | undefined {
  const wanted = required.filter((r) => REQUIRED_WHEN_QUOTED.includes(r));
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const has = computeUsage(c.resources?.requests as List, c.resources?.limits as List);
    for (const r of wanted) if (!(r in has)) missing.set(r, (missing.get(r) ?? new Set()).add(c.name));
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/** Whether a pod falls under a quota's scopes (Terminating, BestEffort, PriorityClass...). */
export function podMatchesScopes(quota: ResourceQuota, pod: Pod): boolean {
  const selectors = [
    ...(quota.spec?.scopes ?? []).map((scopeName) => ({ scopeName, operator: 'Exists', values: [] as string[] })),
    ...(quota.spec?.scopeSelector?.matchExpressions ?? []),
  ];
  return selectors.every((s) => {
    const terminating = (pod.spec?.activeDeadlineSeconds ?? -1) >= 0;
    const bestEffort = podQOSClass(pod) === 'BestEffort';
    const pc = pod.spec?.priorityClassName ?? '';
    switch (s.scopeName) {
      case 'Terminating':
        return terminating;
      case 'NotTerminating':
        return !terminating;
      case 'BestEffort':
        return bestEffort;
      case 'NotBestEffort':
        return !bestEffort;
      case 'PriorityClass':
        if (s.operator === 'Exists') return pc !== '';
        if (s.operator === 'DoesNotExist') return pc === '';
        if (s.operator === 'In') return pc !== '' && (s.values ?? []).includes(pc);
        return pc === '' || !(s.values ?? []).includes(pc);
      case 'CrossNamespacePodAffinity': {
        const a = pod.spec?.affinity;
        const terms = [
          ...(a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
          ...(a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
          ...(a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => w.podAffinityTerm),
          ...(a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => w.podAffinityTerm),
        ];
        return terms.some((t) => (t.namespaces?.length ?? 0) > 0 || t.namespaceSelector);
      }
      default:
        return false;
    }
  });
}

// --- services ---

export const serviceEvaluator: Evaluator = {
  group: '',
  plural: 'services',
  matching: (hard) => hard.filter((n) => ['services', 'services.nodeports', 'services.loadbalancers', countName('', 'services')].includes(n)),
  usage(obj) {
    const svc = obj as Service;
    const ports = svc.spec?.ports ?? [];
    const out: ResourceList = { services: '1', [countName('', 'services')]: '1', 'services.nodeports': '0', 'services.loadbalancers': '0' };
    if (svc.spec?.type === 'NodePort') out['services.nodeports'] = String(ports.length);
    if (svc.spec?.type === 'LoadBalancer') {
      out['services.loadbalancers'] = '1';
      const counted = svc.spec.allocateLoadBalancerNodePorts === false ? ports.filter((p) => p.nodePort).length : ports.length;
      out['services.nodeports'] = String(counted);
    }
    return out;
  },
  handles: () => true,
};

// --- persistent volume claims ---

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

export const pvcEvaluator: Evaluator = {
  group: '',
  plural: 'persistentvolumeclaims',
  matching: (hard) =>
    hard.filter((n) => ['persistentvolumeclaims', 'requests.storage', countName('', 'persistentvolumeclaims')].includes(n) || n.includes(STORAGE_CLASS_SUFFIX)),
  usage(obj) {
    const pvc = obj as PersistentVolumeClaim;
    const out: ResourceList = { persistentvolumeclaims: '1', [countName('', 'persistentvolumeclaims')]: '1' };
    const requested = (pvc.spec?.resources?.requests as List)?.storage;
    const allocated = (pvc.status?.allocatedResources as List)?.storage;
    const storage = requested !== undefined && allocated !== undefined ? (compare(allocated, requested) > 0 ? allocated : requested) : (requested ?? allocated);
    if (storage !== undefined) out['requests.storage'] = storage;
    const sc = pvc.spec?.storageClassName;
    if (sc) {
      out[`${sc}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`] = '1';
      if (storage !== undefined) out[`${sc}${STORAGE_CLASS_SUFFIX}requests.storage`] = storage;
    }
    return out;
  },
  handles: () => true,
};

const SPECIAL = [podEvaluator, serviceEvaluator, pvcEvaluator];

/** The evaluator for a kind: a special one, or plain object counting. */
export function evaluatorFor(group: string, plural: string): Evaluator {
  return SPECIAL.find((e) => e.group === group && e.plural === plural) ?? objectCount(group, plural);
}

/** Whether obj falls under quota at all (only pods have scopes). */
export function quotaCovers(quota: ResourceQuota, e: Evaluator, obj: KubeObject): boolean {
  if (e === podEvaluator) return podMatchesScopes(quota, obj as Pod);
  return !(quota.spec?.scopes?.length || quota.spec?.scopeSelector?.matchExpressions?.length);
}

/** The kinds (group, plural) a quota's resource names concern, beyond the special ones. */
export function countedKinds(names: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const n of names) {
    if (LEGACY_COUNTED.has(n)) out.push(['', n]);
    if (!n.startsWith('count/')) continue;
    const gr = n.slice('count/'.length);
    const dot = gr.indexOf('.');
    out.push(dot < 0 ? ['', gr] : [gr.slice(dot + 1), gr.slice(0, dot)]);
  }
  return out;
}
