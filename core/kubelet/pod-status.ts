// The pod status a kubelet reports, computed from what it knows of the pod's containers: the
// phase, the kubelet-owned conditions and the container statuses, following kubelet v1.32's
// generateAPIPodStatus (getPhase, GeneratePod*Condition, convertToAPIContainerStatuses).
import type { Container, ContainerState as ApiContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { timestamp } from '../client/clock';
import { isRunning, type ContainerInstance, type ContainerState, type PodState } from './pod-state';

/** The conditions the kubelet owns, in the order it reports them. */
const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

export interface StatusInput {
  pod: Pod;
  state: PodState;
  hostIP: string;
  now: Date;
  /** The pod is being deleted and its containers have stopped: report a terminal phase. */
  terminal?: boolean;
}

const isSidecar = (c: Container) => c.restartPolicy === 'Always';

function terminated(i: ContainerInstance): ApiContainerState {
  return {
    terminated: {
      exitCode: i.exit!.exitCode,
      reason: i.exit!.reason,
      ...(i.exit!.message ? { message: i.exit!.message } : {}),
      startedAt: timestamp(i.startedAt),
      finishedAt: timestamp(i.exit!.finishedAt),
      containerID: `simulated://${i.id}`,
    },
  };
}

/** A container that never ran in a pod that is gone: what the kubelet reports for it. */
const UNKNOWN_AT_TERMINATION: ApiContainerState = {
  terminated: {
    exitCode: 137,
    reason: 'ContainerStatusUnknown',
    message: 'The container could not be located when the pod was terminated',
    startedAt: null as unknown as string,
    finishedAt: null as unknown as string,
  },
};

export function containerReady(c: Container, s: ContainerState | undefined, now: Date): boolean {
  const running = isRunning(s) ? s!.current! : undefined;
  if (!running) return false;
  const delayMs = (c.readinessProbe?.initialDelaySeconds ?? 0) * 1000;
  return now.getTime() >= running.startedAt.getTime() + delayMs;
}

/** When a running container becomes ready (its readiness probe's initial delay), if later than now. */
export function readyAt(c: Container, s: ContainerState | undefined, now: Date): number | undefined {
  const running = isRunning(s) ? s!.current! : undefined;
  if (!running || !c.readinessProbe) return undefined;
  const at = running.startedAt.getTime() + (c.readinessProbe.initialDelaySeconds ?? 0) * 1000;
  return at > now.getTime() ? at : undefined;
}

function containerStatus(c: Container, s: ContainerState | undefined, defaultReason: string, input: StatusInput, init: boolean): ContainerStatus {
  const current = s?.current;
  let state: ApiContainerState;
  let last = s?.last;
  if (s?.waiting) {
    state = { waiting: { reason: s.waiting.reason, ...(s.waiting.message ? { message: s.waiting.message } : {}) } };
    if (current?.exit) last = current;
  } else if (isRunning(s)) state = { running: { startedAt: timestamp(current!.startedAt) } };
  else if (current?.exit) state = terminated(current);
  else if (input.terminal && !last) state = UNKNOWN_AT_TERMINATION;
  else state = { waiting: { reason: defaultReason } };
  const ready = init && !isSidecar(c) ? current?.exit?.exitCode === 0 && !s?.waiting : containerReady(c, s, input.now);
  const id = current?.id ?? last?.id;
  const status: ContainerStatus = {
    name: c.name,
    state,
    lastState: last?.exit ? terminated(last) : {},
    ready,
    restartCount: s?.restartCount ?? 0,
    image: s?.image ?? c.image ?? '',
    imageID: s?.imageId ?? '',
    ...(id ? { containerID: `simulated://${id}` } : {}),
    started: isRunning(s),
  };
  if (id && c.volumeMounts?.length) {
    (status as { volumeMounts?: unknown[] }).volumeMounts = c.volumeMounts.map((m) => ({
      name: m.name,
      mountPath: m.mountPath,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
  }
  return status;
}

/** getPhase: from the container statuses and the restart policy. */
export function podPhase(pod: Pod, init: ContainerStatus[], main: ContainerStatus[], terminal: boolean): PodStatus['phase'] {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const initSpecs = pod.spec?.initContainers ?? [];
  let initFailed = 0;
  let initPending = 0;
  init.forEach((st, i) => {
    const spec = initSpecs[i]!;
    if (isSidecar(spec) ? st.started : st.state?.terminated?.exitCode === 0) return;
    const failed = (st.state?.terminated && st.state.terminated.exitCode !== 0) || (st.state?.waiting && st.lastState?.terminated && st.lastState.terminated.exitCode !== 0);
    if (failed) initFailed++;
    else initPending++;
  });
  const mainStarted = main.some((st) => st.state?.running || st.state?.terminated || st.lastState?.terminated);
  if (!mainStarted) {
    if (initFailed > 0 && (policy === 'Never' || terminal)) return 'Failed';
    if (initFailed > 0 || initPending > 0) return 'Pending';
  }
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let ok = 0;
  for (const st of main) {
    if (st.state?.running) running++;
    else if (st.state?.terminated) {
      stopped++;
      if (st.state.terminated.exitCode === 0) ok++;
    } else if (st.lastState?.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always' && !terminal) return 'Running';
    if (stopped === ok) return 'Succeeded';
    if (policy === 'Never' || terminal) return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

const names = (list: string[]) => `[${list.join(' ')}]`;

function readinessGateProblems(pod: Pod): string[] {
  const conds = pod.status?.conditions ?? [];
  return (pod.spec?.readinessGates ?? []).flatMap((g) => {
    const c = conds.find((x) => x.type === g.conditionType);
    if (!c) return [`corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`];
    return c.status === 'True' ? [] : [`the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`];
  });
}

interface Cond {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

function kubeletConditions(pod: Pod, init: ContainerStatus[], main: ContainerStatus[], phase: PodStatus['phase']): Cond[] {
  const terminalPhase = phase === 'Succeeded' || phase === 'Failed';
  const initSpecs = pod.spec?.initContainers ?? [];
  const incomplete = init.filter((st, i) => !(isSidecar(initSpecs[i]!) ? st.started : st.state?.terminated?.exitCode === 0)).map((st) => st.name);
  const mainStarted = main.some((st) => st.state?.running || st.state?.terminated || st.lastState?.terminated);
  let initialized: Cond;
  if (initSpecs.length === 0) initialized = { type: 'Initialized', status: 'True' };
  else if (phase === 'Succeeded' && incomplete.length === 0) initialized = { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  else if (incomplete.length === 0 || mainStarted) initialized = { type: 'Initialized', status: 'True' };
  else initialized = { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${names(incomplete)}` };

  const unready = [...init.filter((st, i) => isSidecar(initSpecs[i]!) && !st.ready), ...main.filter((st) => !st.ready)].map((st) => st.name);
  let containersReady: Cond;
  if (terminalPhase) containersReady = { type: 'ContainersReady', status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' };
  else if (unready.length) containersReady = { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: ${names(unready)}` };
  else containersReady = { type: 'ContainersReady', status: 'True' };

  let ready: Cond = { ...containersReady, type: 'Ready' };
  const gates = readinessGateProblems(pod);
  if (containersReady.status === 'True' && gates.length) ready = { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: gates.join(', ') };

  return [
    { type: 'PodReadyToStartContainers', status: terminalPhase ? 'False' : 'True' },
    initialized,
    ready,
    containersReady,
    { type: 'PodScheduled', status: 'True' },
  ];
}

/** Keeps a condition's lastTransitionTime while its status stays the same. */
function withTimes(c: Cond, previous: PodCondition[], now: Date): PodCondition {
  const before = previous.find((p) => p.type === c.type);
  return {
    type: c.type,
    status: c.status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: before?.status === c.status && before.lastTransitionTime ? before.lastTransitionTime : timestamp(now),
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  };
}

/** The whole status: fields other components own (qosClass, nominatedNodeName, their conditions) are kept. */
export function buildPodStatus(input: StatusInput): PodStatus {
  const { pod, state, now } = input;
  const spec = pod.spec!;
  const defaultReason = spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
  const init = (spec.initContainers ?? []).map((c) => containerStatus(c, state.initContainers.get(c.name), defaultReason, input, true));
  const main = spec.containers.map((c) => containerStatus(c, state.containers.get(c.name), defaultReason, input, false));
  const phase = podPhase(pod, init, main, !!input.terminal);
  const previous = pod.status?.conditions ?? [];
  const conditions = [
    ...previous.filter((c) => !KUBELET_CONDITIONS.includes(c.type)),
    ...kubeletConditions(pod, init, main, phase).map((c) => withTimes(c, previous, now)),
  ];
  const status: PodStatus = {
    ...pod.status,
    phase,
    conditions,
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    podIP: state.podIP,
    podIPs: [{ ip: state.podIP }],
    startTime: timestamp(state.startTime),
    containerStatuses: main,
  };
  if (init.length) status.initContainerStatuses = init;
  else delete status.initContainerStatuses;
  return status;
}
