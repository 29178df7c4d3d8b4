// The node conditions a healthy kubelet posts, with the kubelet's reasons and messages. A
// condition keeps its lastTransitionTime while its status stays; lastHeartbeatTime is now.
import type { NodeCondition } from 'kubernetes-types/core/v1';
import { timestamp } from '../client/clock';

const HEALTHY: Array<Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'>> = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

export function healthyNodeConditions(previous: NodeCondition[] | undefined, now: Date): NodeCondition[] {
  const before = previous ?? [];
  const at = timestamp(now);
  const ours = HEALTHY.map((c) => {
    const old = before.find((p) => p.type === c.type);
    return { ...c, lastHeartbeatTime: at, lastTransitionTime: old?.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : at };
  });
  return [...before.filter((p) => !HEALTHY.some((c) => c.type === p.type)), ...ours];
}
