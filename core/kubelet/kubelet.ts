// The kubelet of one node: runs the pods bound to it on a container runtime and reports their
// status, as kubelet v1.32's pod workers do. Pod events only enqueue keys; sync(key) compares
// the pod's spec with what runs and starts, restarts or stops containers, then writes the
// status through pods/status. Runtime happenings (a pull done, a container exited, a backoff
// over) enqueue the key again, like the kubelet's PLEG.
import type { Container, ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../machinery/object';
import { deepEqual } from '../machinery/json-value';
import { isConflict, isNotFound, type Client } from '../client/client';
import type { Controller, ControllerContext } from '../client/context';
import type { EventRecorder, EventType } from '../client/event-recorder';
import { splitKey } from '../client/informer';
import { WorkQueue } from '../client/work-queue';
import type { ContainerExit, ContainerRuntime, RunningContainer } from '../runtime/types';
import { Backoff } from './backoff';
import { NodeHeartbeat } from './heartbeat';
import type { Machine } from './machine';
import { registerNode } from './node-registration';
import { imageId, imageName, parseImageRef, type ImageRef } from '../runtime/image-ref';
import { msg } from './messages';
import { PodIpAllocator } from './pod-ips';
import { PodSource } from './pod-source';
import { containerState, hasExited, isRunning, succeeded, type ContainerInstance, type ContainerState, type PodState } from './pod-state';
import { buildPodStatus, readyAt } from './pod-status';
import { nodeUsage, systemOverhead, type NodeStats, type PodStats } from './node-stats';

/** The label kubeadm puts on control-plane nodes (they also run the control plane's processes). */
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

export interface KubeletOptions {
  runtime: ContainerRuntime;
  /** The machine it runs on, which it reports in its Node's status where that has nothing. */
  machine: Machine;
  /** Shared pod routing when one process runs many kubelets; default: the kubelet's own. */
  pods?: PodSource;
  /** Pods synced at once (default 16). */
  concurrency?: number;
}

/** The node's address when its Node object has none. */
const FALLBACK_HOST_IP = '127.0.0.1';
const DEFAULT_POD_CIDR = '10.244.0.0/24';

type FieldGroup = 'initContainers' | 'containers';

const isTerminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

function shouldRestart(policy: string, sidecar: boolean, exit: ContainerExit): boolean {
  if (sidecar || policy === 'Always') return true;
  return policy === 'OnFailure' && exit.exitCode !== 0;
}

/** A stable fake image size, for the Pulled event. */
function imageSize(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 20_000_000 + (h % 180_000_000);
}

/** Start failures back off apart from crash restarts; the prefix is the pod's, so forgetting the pod forgets both. */
const startBackoffKey = (state: PodState, cs: ContainerState) => `${state.uid}/${cs.name}/start`;

function recordExit(inst: ContainerInstance, exit: ContainerExit): void {
  inst.exit ??= exit;
}

export class Kubelet implements Controller {
  readonly name: string;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private readonly heartbeat: NodeHeartbeat;
  private readonly podSource: PodSource;
  private readonly ownsPodSource: boolean;
  private readonly runtime: ContainerRuntime;
  private readonly machine: Machine;
  private readonly backoff: Backoff;
  private readonly pods = new Map<string, PodState>();
  /** Images this node has pulled (the runtime's image store, per node). */
  private readonly images = new Set<string>();
  private ips = new PodIpAllocator(DEFAULT_POD_CIDR);
  private hostIP = FALLBACK_HOST_IP;
  private controlPlane = false;
  private bootedAt: Date;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly ctx: ControllerContext,
    readonly nodeName: string,
    opts: KubeletOptions,
  ) {
    this.name = `kubelet/${nodeName}`;
    this.bootedAt = ctx.clock.now();
    this.runtime = opts.runtime;
    this.machine = opts.machine;
    this.client = ctx.client('kubelet', `system:node:${nodeName}`);
    this.recorder = ctx.recorder('kubelet', nodeName);
    this.heartbeat = new NodeHeartbeat(ctx, this.client, nodeName);
    this.ownsPodSource = !opts.pods;
    this.podSource = opts.pods ?? new PodSource(ctx.informer<Pod>('', 'pods'));
    this.backoff = new Backoff(ctx.timings.restartBackoffInitialMs, ctx.timings.restartBackoffMaxMs, ctx.clock);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), opts.concurrency ?? 16, (key, e) =>
      console.error(`wheelhouse ${this.name}: sync pod ${key} failed:`, e instanceof Error ? e.message : e),
    );
  }

  async start(): Promise<void> {
    const nodes = this.ctx.informer<Node>('', 'nodes');
    const existing = nodes.get(undefined, this.nodeName);
    if (existing) await registerNode(this.client, existing, this.machine);
    if (this.stopped) return;
    const node = nodes.get(undefined, this.nodeName);
    this.ips = new PodIpAllocator(node?.spec?.podCIDR ?? DEFAULT_POD_CIDR);
    this.hostIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? FALLBACK_HOST_IP;
    this.controlPlane = node?.metadata?.labels?.[CONTROL_PLANE_LABEL] !== undefined;
    this.bootedAt = this.ctx.clock.now();
    await this.heartbeat.start();
    if (this.stopped) return;
    this.unsubscribe = this.podSource.subscribe(this.nodeName, (key) => this.queue.add(key));
  }

  /** As when the machine dies: no more heartbeats or status writes, and every container stops. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.ownsPodSource) this.podSource.stop();
    this.queue.stop();
    this.heartbeat.stop();
    for (const state of this.pods.values()) void this.stopContainers(undefined, state, 0);
    this.pods.clear();
  }

  /**
   * The log of a container's current (or, with previous, last) instance, to read and follow.
   * While a restart is being created there is no current one: the last one's log is served, as
   * the kubelet reads lastState.terminated (kubectl run -i falls back to these logs then).
   */
  containerLogs(namespace: string, pod: string, container: string, previous = false): RunningContainer | undefined {
    const state = this.pods.get(`${namespace}/${pod}`);
    const cs = state?.containers.get(container) ?? state?.initContainers.get(container);
    const inst = previous ? cs?.last : (cs?.current ?? cs?.last);
    return inst?.handle;
  }

  /** Usage of every running container and of the node, now (what metrics-server scrapes). */
  stats(): NodeStats {
    const pods: PodStats[] = [];
    for (const [key, state] of this.pods) {
      const [namespace, name] = splitKey(key);
      const containers = [];
      for (const states of [state.initContainers, state.containers]) {
        for (const cs of states.values()) if (isRunning(cs)) containers.push({ name: cs.name, usage: cs.current!.handle.usage() });
      }
      if (containers.length) pods.push({ namespace: namespace ?? '', name, uid: state.uid, containers });
    }
    const system = systemOverhead(this.nodeName, this.controlPlane, this.bootedAt, this.ctx.clock.now());
    return { nodeName: this.nodeName, usage: nodeUsage(system, pods), pods };
  }

  private async sync(key: string): Promise<void> {
    if (this.stopped) return;
    const [namespace, name] = splitKey(key);
    const found = this.podSource.get(namespace ?? '', name);
    const pod = found?.spec?.nodeName === this.nodeName ? found : undefined;
    let state = this.pods.get(key);
    if (state && (!pod || pod.metadata.uid !== state.uid)) {
      // Deleted (or replaced by a pod of the same name): whatever still runs must stop.
      this.pods.delete(key);
      this.ips.release(state.podIP);
      this.backoff.forget(`${state.uid}/`);
      await this.stopContainers(undefined, state, 0);
      state = undefined;
    }
    if (!pod) return;
    state ??= this.admit(key, pod);
    if (isTerminal(pod)) {
      if (pod.metadata.deletionTimestamp) await this.finalDelete(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp) return this.terminate(pod, state);
    this.startWhatIsDue(key, pod, state);
    this.wakeWhenReady(key, pod, state);
    await this.writeStatus(pod, state, false);
  }

  /** A pod new to this kubelet; one it ran before a restart keeps its IP, start time and restart counts. */
  private admit(key: string, pod: Kube<Pod>): PodState {
    const old = pod.status;
    let podIP = old?.podIP;
    if (podIP) this.ips.reserve(podIP);
    else podIP = this.ips.allocate();
    const state: PodState = {
      uid: pod.metadata.uid!,
      podIP,
      startTime: old?.startTime ? new Date(old.startTime) : this.ctx.clock.now(),
      initContainers: new Map(),
      containers: new Map(),
    };
    const carry = (states: Map<string, ContainerState>, list: ContainerStatus[] | undefined) => {
      for (const st of list ?? []) {
        const ran = st.state?.running || st.state?.terminated || st.lastState?.terminated;
        containerState(states, st.name).restartCount = (st.restartCount ?? 0) + (ran ? 1 : 0);
      }
    };
    carry(state.initContainers, old?.initContainerStatuses);
    carry(state.containers, old?.containerStatuses);
    this.pods.set(key, state);
    return state;
  }

  /** Init containers one at a time, in order; then every app container, restarted as the policy says. */
  private startWhatIsDue(key: string, pod: Kube<Pod>, state: PodState): void {
    const policy = pod.spec?.restartPolicy ?? 'Always';
    for (const c of pod.spec?.initContainers ?? []) {
      const cs = containerState(state.initContainers, c.name);
      const sidecar = c.restartPolicy === 'Always';
      if (!sidecar && succeeded(cs)) continue;
      if (!cs.creating && !isRunning(cs)) {
        if (!cs.current && this.mayStart(key, state, cs)) this.startContainer(key, pod, state, cs, c, 'initContainers');
        else if (hasExited(cs) && shouldRestart(policy, sidecar, cs.current!.exit!)) this.restart(key, pod, state, cs, c, 'initContainers');
      }
      if (!(sidecar && isRunning(cs))) return;
    }
    for (const c of pod.spec?.containers ?? []) {
      const cs = containerState(state.containers, c.name);
      if (cs.creating || isRunning(cs)) continue;
      if (!cs.current && this.mayStart(key, state, cs)) this.startContainer(key, pod, state, cs, c, 'containers');
      else if (hasExited(cs) && shouldRestart(policy, false, cs.current!.exit!)) this.restart(key, pod, state, cs, c, 'containers');
    }
  }

  /**
   * Whether a container not yet running may be started now: one that never failed may; one whose
   * start failed in a retryable way may once its backoff is over, and the pod is looked at again
   * then. Each sync asks again for the wake-ups it needs: the queue keeps only the earliest.
   */
  private mayStart(key: string, state: PodState, cs: ContainerState): boolean {
    if (!cs.waiting) return true;
    if (!cs.failedStartAt) return false;
    const wait = this.backoff.remaining(startBackoffKey(state, cs), cs.failedStartAt);
    if (wait === 0) return true;
    this.queue.addAfter(key, wait);
    return false;
  }

  /** Looks at the pod again when a running container's readiness delay ends (its Ready turns true then). */
  private wakeWhenReady(key: string, pod: Kube<Pod>, state: PodState): void {
    const now = this.ctx.clock.now();
    const groups: Array<[Container[] | undefined, Map<string, ContainerState>]> = [
      [pod.spec?.initContainers, state.initContainers],
      [pod.spec?.containers, state.containers],
    ];
    for (const [specs, states] of groups) {
      for (const c of specs ?? []) {
        const at = readyAt(c, states.get(c.name), now);
        if (at !== undefined) this.queue.addAfter(key, at - now.getTime());
      }
    }
  }

  /** A start that failed but may work later (the image arrives, the cause is fixed): waits, backing off. */
  private startFailed(key: string, state: PodState, cs: ContainerState, reason: string, message: string): void {
    const now = this.ctx.clock.now();
    cs.creating = false;
    cs.waiting = { reason, message };
    cs.failedStartAt = now;
    this.backoff.next(startBackoffKey(state, cs), now);
    this.queue.add(key);
  }

  private containerEvent(pod: Kube<Pod>, group: FieldGroup, c: Container, type: EventType, reason: string, message: string): void {
    this.recorder.event(pod, type, reason, message, `spec.${group}{${c.name}}`);
  }

  /** Restarts an exited container unless it is backing off; then it waits in CrashLoopBackOff. */
  private restart(key: string, pod: Kube<Pod>, state: PodState, cs: ContainerState, c: Container, group: FieldGroup): void {
    const exited = cs.current!;
    const backoffKey = `${state.uid}/${c.name}`;
    const wait = this.backoff.remaining(backoffKey, exited.exit!.finishedAt);
    if (wait > 0) {
      cs.waiting = { reason: 'CrashLoopBackOff', message: msg.backOffWaiting(this.backoff.current(backoffKey), c.name, pod) };
      if (cs.backOffReportedFor !== exited.id) {
        cs.backOffReportedFor = exited.id;
        this.containerEvent(pod, group, c, 'Warning', 'BackOff', msg.backOffEvent(c.name, pod));
      }
      this.queue.addAfter(key, wait);
      return;
    }
    this.backoff.next(backoffKey, exited.exit!.finishedAt);
    cs.waiting = undefined;
    cs.last = exited;
    cs.current = undefined;
    cs.restartCount++;
    this.startContainer(key, pod, state, cs, c, group);
  }

  private startContainer(key: string, pod: Kube<Pod>, state: PodState, cs: ContainerState, c: Container, group: FieldGroup): void {
    const image = c.image ?? '';
    const ref = parseImageRef(image);
    const why = typeof ref === 'string' ? ref : this.runtime.cannotRun(image);
    if (why !== undefined || typeof ref === 'string') {
      const message = msg.invalidImage(image, why ?? '');
      cs.waiting = { reason: 'InvalidImageName', message };
      this.containerEvent(pod, group, c, 'Warning', 'InspectFailed', message);
      this.containerEvent(pod, group, c, 'Warning', 'Failed', 'Error: InvalidImageName');
      return;
    }
    cs.creating = true;
    this.create(key, pod, state, cs, c, group, ref).catch((e: unknown) => {
      this.startFailed(key, state, cs, 'CreateContainerError', e instanceof Error ? e.message : String(e));
    });
  }

  /** False once the kubelet stopped or the pod is being (or has been) deleted. */
  private stillWanted(key: string, state: PodState): boolean {
    return !this.stopped && this.pods.get(key) === state && !state.terminating;
  }

  private async create(key: string, pod: Kube<Pod>, state: PodState, cs: ContainerState, c: Container, group: FieldGroup, ref: ImageRef): Promise<void> {
    const image = c.image!;
    const name = imageName(ref);
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    if (policy === 'Always' || (policy === 'IfNotPresent' && !this.images.has(name))) {
      this.containerEvent(pod, group, c, 'Normal', 'Pulling', msg.pulling(image));
      const ms = await this.runtime.pull(image);
      this.images.add(name);
      this.containerEvent(pod, group, c, 'Normal', 'Pulled', msg.pulled(image, ms, imageSize(name)));
    } else if (policy === 'Never' && !this.images.has(name)) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      this.containerEvent(pod, group, c, 'Warning', 'ErrImageNeverPull', message);
      this.startFailed(key, state, cs, 'ErrImageNeverPull', message);
      return;
    } else {
      this.containerEvent(pod, group, c, 'Normal', 'Pulled', msg.alreadyPresent(image));
    }
    if (!this.stillWanted(key, state)) return;
    const env = Object.fromEntries((c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
    this.containerEvent(pod, group, c, 'Normal', 'Created', msg.created(c.name));
    const running = await this.runtime.start({
      podUid: state.uid,
      podName: pod.metadata.name!,
      namespace: pod.metadata.namespace!,
      container: c,
      env,
      annotations: pod.metadata.annotations ?? {},
    });
    if (!this.stillWanted(key, state)) {
      void running.stop(0);
      return;
    }
    const inst: ContainerInstance = { id: running.id, startedAt: running.startedAt, handle: running };
    Object.assign(cs, { current: inst, creating: false, waiting: undefined, failedStartAt: undefined, image: name, imageId: imageId(ref) });
    this.containerEvent(pod, group, c, 'Normal', 'Started', msg.started(c.name));
    void running.exited.then((exit) => {
      recordExit(inst, exit);
      this.queue.add(key);
    });
    this.queue.add(key);
  }

  /** Graceful deletion: stop the containers within the pod's grace period, report, then remove the pod. */
  private async terminate(pod: Kube<Pod>, state: PodState): Promise<void> {
    const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    state.terminating ??= this.stopContainers(pod, state, grace);
    await state.terminating;
    if (this.stopped) return;
    await this.writeStatus(pod, state, true);
    await this.finalDelete(pod);
  }

  /** The kubelet's own last delete: grace period 0, only for the pod it ran (uid precondition). */
  private async finalDelete(pod: Kube<Pod>): Promise<void> {
    try {
      await this.client.delete('', 'pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }

  /** Stops every running container; with the pod at hand, records Killing events as the kubelet does. */
  private async stopContainers(pod: Kube<Pod> | undefined, state: PodState, graceSeconds: number): Promise<void> {
    const groups: Array<[FieldGroup, Map<string, ContainerState>]> = [
      ['containers', state.containers],
      ['initContainers', state.initContainers],
    ];
    const stops: Array<Promise<void>> = [];
    for (const [group, states] of groups) {
      for (const cs of states.values()) {
        const inst = cs.current;
        cs.waiting = undefined;
        if (!inst || inst.exit) continue;
        const spec = pod?.spec?.[group]?.find((c) => c.name === cs.name);
        if (pod && spec) this.containerEvent(pod, group, spec, 'Normal', 'Killing', msg.killing(cs.name));
        stops.push(inst.handle.stop(graceSeconds).then((exit) => recordExit(inst, exit)));
      }
    }
    await Promise.all(stops);
  }

  private async writeStatus(pod: Kube<Pod>, state: PodState, terminal: boolean): Promise<void> {
    if (this.stopped) return;
    const build = (p: Pod) => buildPodStatus({ pod: p, state, hostIP: this.hostIP, now: this.ctx.clock.now(), terminal });
    if (deepEqual(build(pod), pod.status)) return;
    try {
      await this.client.updateStatus<Pod>('', 'pods', pod.metadata.namespace, pod.metadata.name!, (cur) => {
        if (cur.metadata.uid !== state.uid || this.stopped) return;
        cur.status = build(cur);
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
