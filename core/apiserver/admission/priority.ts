// Priority admission: a new pod's priorityClassName becomes spec.priority and
// spec.preemptionPolicy (the globalDefault class, or 0, when it names none); a class that does
// not exist, or a priority the pod states itself that disagrees, is forbidden. Also keeps a
// second globalDefault PriorityClass out.
import type { Pod } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { forbidden } from '../../machinery/status';
import type { AdmissionPlugin } from './chain';

export interface PriorityClassLookup {
  get(name: string): PriorityClass | undefined;
  list(): Iterable<PriorityClass>;
}

const DEFAULT_PREEMPTION_POLICY = 'PreemptLowerPriority';

/** The global default class; of several (a race), the lowest value wins, as in Kubernetes. */
function globalDefault(classes: Iterable<PriorityClass>): PriorityClass | undefined {
  let found: PriorityClass | undefined;
  for (const pc of classes) if (pc.globalDefault && (!found || pc.value < found.value)) found = pc;
  return found;
}

export function priorityAdmission(lookup: PriorityClassLookup): AdmissionPlugin {
  return {
    name: 'Priority',
    mutate(req) {
      if (req.def.group !== '' || req.def.plural !== 'pods' || req.options.subresource) return;
      const pod = req.object as Pod;
      const spec = pod.spec;
      if (!spec) return;
      if (req.operation === 'UPDATE') {
        // Set at creation and kept: an update that drops them gets the old values back.
        const old = (req.old as Pod | undefined)?.spec;
        if (spec.priority === undefined && old?.priority !== undefined) spec.priority = old.priority;
        if (spec.preemptionPolicy === undefined && old?.preemptionPolicy !== undefined) spec.preemptionPolicy = old.preemptionPolicy;
        return;
      }
      if (req.operation !== 'CREATE') return;
      let priority = 0;
      let policy = DEFAULT_PREEMPTION_POLICY;
      if (spec.priorityClassName) {
        const pc = lookup.get(spec.priorityClassName);
        if (!pc) throw forbidden(req.def, req.name, `no PriorityClass with name ${spec.priorityClassName} was found`);
        priority = pc.value;
        policy = pc.preemptionPolicy ?? DEFAULT_PREEMPTION_POLICY;
      } else {
        const pc = globalDefault(lookup.list());
        if (pc) {
          spec.priorityClassName = pc.metadata?.name;
          priority = pc.value;
          policy = pc.preemptionPolicy ?? DEFAULT_PREEMPTION_POLICY;
        }
      }
      if (spec.priority !== undefined && spec.priority !== priority) {
        throw forbidden(
          req.def,
          req.name,
          `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
        );
      }
      if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== policy) {
        throw forbidden(
          req.def,
          req.name,
          `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
        );
      }
      spec.priority = priority;
      spec.preemptionPolicy = policy;
    },
    validate(req) {
      if (req.def.group !== 'scheduling.k8s.io' || req.def.plural !== 'priorityclasses') return;
      if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return;
      const pc = req.object as unknown as PriorityClass;
      if (!pc.globalDefault) return;
      const other = globalDefault([...lookup.list()].filter((c) => c.metadata?.name !== req.name));
      if (other) {
        throw forbidden(req.def, req.name, `PriorityClass ${other.metadata?.name} is already marked as default. Only one default can exist`);
      }
    },
  };
}
