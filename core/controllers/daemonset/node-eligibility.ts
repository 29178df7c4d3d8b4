// Which nodes a DaemonSet runs on (NodeShouldRunDaemonPod): the node must match the pod's
// nodeName, nodeSelector and required node affinity, and the pod (with the daemon
// tolerations) must tolerate the node's NoSchedule and NoExecute taints. A pod already there
// may keep running while it tolerates the NoExecute ones.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { podMatchesNodeSelectorAndAffinity } from '../../scheduler/node-selectors';
import { firstUntolerated } from '../../scheduler/tolerations';
import { addDaemonTolerations, type Daemon } from './daemon-pod';

export interface Eligibility {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}

export function nodeShouldRunDaemonPod(ds: Daemon, node: Node): Eligibility {
  const spec = structuredClone(ds.spec!.template.spec!);
  addDaemonTolerations(spec);
  const pod: Pod = { metadata: { namespace: ds.metadata.namespace }, spec: { ...spec, nodeName: node.metadata!.name } };
  const fitsNodeName = !ds.spec!.template.spec!.nodeName || ds.spec!.template.spec!.nodeName === node.metadata!.name;
  if (!fitsNodeName || !podMatchesNodeSelectorAndAffinity(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints;
  if (firstUntolerated(taints, spec.tolerations, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) {
    return { shouldRun: false, shouldContinueRunning: !firstUntolerated(taints, spec.tolerations, (t) => t.effect === 'NoExecute') };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
