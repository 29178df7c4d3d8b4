// Scheduling fields of a pod spec: tolerations, affinity, topology spread; and taint effects,
// which nodes share.
import type {
  Affinity,
  NodeSelector,
  NodeSelectorTerm,
  PodAffinityTerm,
  Toleration,
  TopologySpreadConstraint,
  WeightedPodAffinityTerm,
} from 'kubernetes-types/core/v1';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from './field-path';
import { validateLabelSelector } from './label-selector';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../../machinery/names';

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, path: string): FieldError[] {
  if (!effect) return allowEmpty ? [] : [required(path)];
  return taintEffects.includes(effect) ? [] : [notSupported(path, effect, taintEffects)];
}

const labelNameErrors = (k: string, path: string): FieldError[] => isQualifiedName(k).map((m) => invalid(path, k, m));

export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = index(path, i);
    const key = t.key ?? '';
    if (key) errs.push(...labelNameErrors(key, child(p, 'key')));
    if (!key && t.operator !== 'Exists') {
      errs.push(
        invalid(child(p, 'operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'),
      );
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.push(invalid(child(p, 'effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length) errs.push(invalid(child(p, 'operator'), t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(invalid(child(p, 'operator'), t, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(child(p, 'operator'), t.operator, ['Equal', 'Exists']));
    }
    if (t.effect) errs.push(...validateTaintEffect(t.effect, true, child(p, 'effect')));
  });
  return errs;
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((rq, j) => {
    const p = index(child(path, 'matchExpressions'), j);
    const values = rq.values ?? [];
    switch (rq.operator) {
      case 'In':
      case 'NotIn':
        if (!values.length) errs.push(required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length) {
          errs.push(forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
        break;
      case 'Gt':
      case 'Lt':
        if (values.length !== 1) {
          errs.push(required(child(p, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
        }
        break;
      default:
        errs.push(invalid(child(p, 'operator'), rq.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...labelNameErrors(rq.key ?? '', child(p, 'key')));
  });
  (term.matchFields ?? []).forEach((rq, j) => {
    const p = index(child(path, 'matchFields'), j);
    const values = rq.values ?? [];
    if (rq.operator === 'In' || rq.operator === 'NotIn') {
      if (values.length !== 1) {
        errs.push(required(child(p, 'values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
      }
    } else {
      errs.push(invalid(child(p, 'operator'), rq.operator ?? '', 'not a valid selector operator'));
    }
    if (rq.key !== 'metadata.name') {
      errs.push(invalid(child(p, 'key'), rq.key ?? '', 'not a valid field selector key'));
    } else {
      values.forEach((v, k) => {
        for (const m of isDNS1123Subdomain(v)) errs.push(invalid(index(child(p, 'values'), k), v, m));
      });
    }
  });
  return errs;
}

export function validateNodeSelector(sel: NodeSelector, path: string): FieldError[] {
  const termsPath = child(path, 'nodeSelectorTerms');
  const terms = sel.nodeSelectorTerms ?? [];
  if (!terms.length) return [required(termsPath, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t, index(termsPath, i)));
}

const weightError = (w: number | undefined, path: string): FieldError[] =>
  w === undefined || w <= 0 || w > 100 ? [invalid(path, w ?? 0, 'must be in the range 1-100')] : [];

function validatePodAffinityTerm(term: PodAffinityTerm, path: string): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector, child(path, 'labelSelector'));
  errs.push(...validateLabelSelector(term.namespaceSelector, child(path, 'namespaceSelector')));
  for (const ns of term.namespaces ?? []) {
    for (const m of isDNS1123Label(ns)) errs.push(invalid(child(path, 'namespace'), ns, m));
  }
  if (!term.topologyKey) errs.push(required(child(path, 'topologyKey'), 'can not be empty'));
  errs.push(...labelNameErrors(term.topologyKey ?? '', child(path, 'topologyKey')));
  return errs;
}

function validatePodAffinityTerms(
  required_: PodAffinityTerm[] | undefined,
  preferred: WeightedPodAffinityTerm[] | undefined,
  path: string,
): FieldError[] {
  const reqPath = child(path, 'requiredDuringSchedulingIgnoredDuringExecution');
  const prefPath = child(path, 'preferredDuringSchedulingIgnoredDuringExecution');
  const errs = (required_ ?? []).flatMap((t, i) => validatePodAffinityTerm(t, index(reqPath, i)));
  (preferred ?? []).forEach((t, j) => {
    errs.push(...weightError(t.weight, child(index(prefPath, j), 'weight')));
    errs.push(...validatePodAffinityTerm(t.podAffinityTerm ?? ({} as PodAffinityTerm), child(index(prefPath, j), 'podAffinityTerm')));
  });
  return errs;
}

export function validateAffinity(affinity: Affinity | undefined, path: string): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const p = child(path, 'nodeAffinity');
    if (na.requiredDuringSchedulingIgnoredDuringExecution) {
      errs.push(...validateNodeSelector(na.requiredDuringSchedulingIgnoredDuringExecution, child(p, 'requiredDuringSchedulingIgnoredDuringExecution')));
    }
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const tp = index(child(p, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
      errs.push(...weightError(t.weight, child(tp, 'weight')));
      errs.push(...validateNodeSelectorTerm(t.preference ?? {}, child(tp, 'preference')));
    });
  }
  const pa = affinity.podAffinity;
  if (pa) {
    errs.push(
      ...validatePodAffinityTerms(pa.requiredDuringSchedulingIgnoredDuringExecution, pa.preferredDuringSchedulingIgnoredDuringExecution, child(path, 'podAffinity')),
    );
  }
  const paa = affinity.podAntiAffinity;
  if (paa) {
    errs.push(
      ...validatePodAffinityTerms(paa.requiredDuringSchedulingIgnoredDuringExecution, paa.preferredDuringSchedulingIgnoredDuringExecution, child(path, 'podAntiAffinity')),
    );
  }
  return errs;
}

const unsatisfiableActions = ['DoNotSchedule', 'ScheduleAnyway'];

export function validateTopologySpreadConstraints(constraints: TopologySpreadConstraint[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = constraints ?? [];
  list.forEach((c, i) => {
    const p = index(path, i);
    if (!(c.maxSkew > 0)) errs.push(invalid(child(p, 'maxSkew'), c.maxSkew ?? 0, 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(child(p, 'topologyKey'), 'can not be empty'));
    else errs.push(...labelNameErrors(c.topologyKey, child(p, 'topologyKey')));
    if (!unsatisfiableActions.includes(c.whenUnsatisfiable)) {
      errs.push(notSupported(child(p, 'whenUnsatisfiable'), c.whenUnsatisfiable ?? '', unsatisfiableActions));
    }
    // Kubernetes reports the earlier of two constraints sharing the pair.
    const repeated = list.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable);
    if (repeated) errs.push(duplicate(child(p, '{topologyKey, whenUnsatisfiable}'), `{${c.topologyKey}, ${c.whenUnsatisfiable}}`));
    errs.push(...validateLabelSelector(c.labelSelector, child(p, 'labelSelector')));
  });
  return errs;
}
