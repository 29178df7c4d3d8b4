// What the node lifecycle controller concludes from a Node's status: its Ready condition, the
// conditions it posts as Unknown when the kubelet goes quiet, the NoSchedule taints its
// conditions call for, and how disrupted a zone is (pkg/controller/nodelifecycle).
import { ownValue } from '../../machinery/json-value';
import type { Node, NodeCondition, Taint } from 'kubernetes-types/core/v1';
import {
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from './taints';

export const readyCondition = (node: Node): NodeCondition | undefined => node.status?.conditions?.find((c) => c.type === 'Ready');

export const isNodeReady = (node: Node) => readyCondition(node)?.status === 'True';

/** NetworkUnavailable is left alone: the network plugin owns it. */
const KUBELET_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** The conditions after the kubelet missed its grace period, or undefined when they already say so. */
export function unknownConditions(node: Node, now: string): NodeCondition[] | undefined {
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
  let changed = false;
  for (const type of KUBELET_CONDITIONS) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: node.metadata?.creationTimestamp,
        lastTransitionTime: now,
      });
      changed = true;
    } else if (c.status !== 'Unknown') {
      Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now });
      changed = true;
    }
  }
  return changed ? conditions : undefined;
}

/** Which condition status calls for which NoSchedule taint. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NODE_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

/** The NoSchedule taints the node's conditions and spec.unschedulable (cordon) call for. */
export function wantedNoScheduleTaints(node: Node): Taint[] {
  const taints: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = ownValue(ownValue(CONDITION_TAINTS, c.type), c.status);
    if (key) taints.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) taints.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
  return taints;
}

/** The NoSchedule taints this controller owns (others, e.g. the control plane's, are never touched). */
export const ownedNoScheduleTaints = (node: Node): Taint[] =>
  (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && (t.key === TAINT_NODE_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** A zone with no Ready node is fully disrupted; with more than 2 and at least `unhealthyThreshold` not Ready, partially. */
export function zoneState(readyStatuses: Array<string | undefined>, unhealthyThreshold = 0.55): ZoneState {
  const notReady = readyStatuses.filter((s) => s !== 'True').length;
  if (notReady > 0 && notReady === readyStatuses.length) return 'FullDisruption';
  if (notReady > 2 && notReady / readyStatuses.length >= unhealthyThreshold) return 'PartialDisruption';
  return 'Normal';
}

/** Nodes are grouped by region and zone labels (an unlabelled cluster is one zone). */
export function zoneKey(node: Node): string {
  const labels = node.metadata?.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:\u0000:${zone}` : '';
}

/** Nodes labelled so are left out of disruption counting. */
export const excludedFromDisruption = (node: Node) => 'node.kubernetes.io/exclude-disruption' in (node.metadata?.labels ?? {});
