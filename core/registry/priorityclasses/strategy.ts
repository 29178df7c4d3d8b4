// scheduling.k8s.io/v1 PriorityClass: SetDefaults_PriorityClass and ValidatePriorityClass(Update).
// Names starting with "system-" belong to the two built-in classes.
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { Kube } from '../../machinery/object';
import { forbidden, notSupported, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { validateImmutableField } from '../validation/immutable';

type Obj = Kube<PriorityClass>;

export const highestUserDefinablePriority = 1_000_000_000;
const systemPrefix = 'system-';
export const systemPriorityClasses: Record<string, number> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};
const preemptionPolicies = ['PreemptLowerPriority', 'Never'];

/** IsKnownSystemPriorityClass: the reason a system- class is refused, if it is. */
function systemClassError(pc: Obj): string | undefined {
  const name = pc.metadata.name ?? '';
  const value = systemPriorityClasses[name];
  if (value === undefined) return `${name} is not a known system priority class`;
  if (pc.value !== value) return `value of ${name} PriorityClass must be ${value}`;
  if (pc.globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

function validate(pc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if ((pc.metadata.name ?? '').startsWith(systemPrefix)) {
    const why = systemClassError(pc);
    if (why) {
      errs.push(forbidden('metadata.name', `priority class names with '${systemPrefix}' prefix are reserved for system use only. error: ${why}`));
    }
  } else if (pc.value > highestUserDefinablePriority) {
    errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${highestUserDefinablePriority}`));
  }
  if (pc.preemptionPolicy !== undefined && !preemptionPolicies.includes(pc.preemptionPolicy)) {
    errs.push(notSupported('preemptionPolicy', pc.preemptionPolicy, preemptionPolicies));
  }
  return errs;
}

export const strategy: Strategy<Obj> = {
  defaults(pc) {
    pc.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validate,
  validateUpdate: (pc, old) => [
    ...(pc.value !== old.value ? [forbidden('value', 'may not be changed in an update.')] : []),
    ...validateImmutableField(pc.preemptionPolicy, old.preemptionPolicy, 'preemptionPolicy'),
  ],
};
