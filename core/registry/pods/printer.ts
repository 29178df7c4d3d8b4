// kubectl get pods: READY, STATUS (as printPod computes it), RESTARTS, AGE; wide: IP, NODE,
// NOMINATED NODE, READINESS GATES.
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age, humanDuration, parseTimestamp } from '../../machinery/human-duration';
import { NONE } from '../printing/format';

// Sidecars: init containers that keep running beside the main ones.
const isRestartable = (c: Container | undefined) => c?.restartPolicy === 'Always';

function conditionTrue(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** Tracks the restart count and the latest restart time across containers. */
class Restarts {
  count = 0;
  last: number | undefined;
  add(s: ContainerStatus): void {
    this.count += s.restartCount ?? 0;
    const finished = parseTimestamp(s.lastState?.terminated?.finishedAt);
    if (finished !== undefined && (this.last === undefined || finished > this.last)) this.last = finished;
  }
  text(now: Date): string {
    if (this.count === 0 || this.last === undefined) return String(this.count);
    return `${this.count} (${humanDuration(now.getTime() - this.last)} ago)`;
  }
}

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: Restarts;
}

/** The READY, STATUS and RESTARTS of a pod, following printPod step by step. */
export function summarizePod(pod: Pod): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initSpecs = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
  const total = (spec?.containers ?? []).length + [...initSpecs.values()].filter(isRestartable).length;
  let ready = 0;
  let restarts = new Restarts();
  const sidecarRestarts = new Restarts();

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts.add(c);
    const restartable = isRestartable(initSpecs.get(c.name));
    if (restartable) sidecarRestarts.add(c);
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.size}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    // Once initialised, only sidecar restarts still count among the init containers.
    restarts = sidecarRestarts;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts.add(c);
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A pod with a container still running is not "Completed" yet.
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }
  return { ready, total, reason, restarts };
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return NONE;
  const conditions = pod.status?.conditions ?? [];
  const passed = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${passed}/${gates.length}`;
}

export const printer: Printer<Kube<Pod>> = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    ageColumn,
    column('IP', 'string', doc.podIP, { priority: 1 }),
    column('Node', 'string', doc.nodeName, { priority: 1 }),
    column('Nominated Node', 'string', doc.nominatedNodeName, { priority: 1 }),
    column('Readiness Gates', 'string', doc.readinessGates, { priority: 1 }),
  ],
  cells(pod, now) {
    const s = summarizePod(pod);
    return [
      pod.metadata.name ?? '',
      `${s.ready}/${s.total}`,
      s.reason,
      s.restarts.text(now),
      age(pod, now),
      pod.status?.podIPs?.[0]?.ip || NONE,
      pod.spec?.nodeName || NONE,
      pod.status?.nominatedNodeName || NONE,
      readinessGates(pod),
    ];
  },
};
