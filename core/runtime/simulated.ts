// The simulated container runtime: runs nothing. Pulls and starts take a configurable moment,
// containers "run" their command as simulate-command.ts describes, and usage is synthetic
// and deterministic (usage-model.ts), or what the pod's wheelhouse.dev/simulated-usage
// annotation says (usage-override.ts); a container told to use more memory than its limit is
// OOM-killed. For scale tests, demos and what-if planning, and for the kubelet's tests.
import { randomBytes } from 'node:crypto';
import { parseImageRef } from './image-ref';
import { realClock, type Clock } from '../client/clock';
import { quantityToMilli, quantityToNumber } from '../machinery/quantity';
import { simulateCommand } from './simulated-command';
import { playLoop } from './shell-loop';
import { modelUsage, seedOf, type UsageProfile } from './usage-model';
import { usageOverrideFor, type UsageOverride } from './usage-override';
import type { ContainerExit, ContainerRequest, ContainerRuntime, ContainerUsage, ExitReason, LogLine, RunningContainer } from './types';

export interface SimulatedRuntimeOptions {
  /** Time an image pull takes (default 150 ms). */
  pullDelayMs?: number;
  /** Time from create to running (default 50 ms). */
  startDelayMs?: number;
  clock?: Clock;
}

/**
 * Lines kept per container instance: the kubelet rotates container logs (containerLogMaxSize,
 * 10Mi by default), so a chatty container's oldest lines go.
 */
export const MAX_LOG_LINES = 10_000;

/** How long a container over its memory limit runs before the kernel kills it (it allocates first). */
export const OOM_AFTER_MS = 100;

/** The usage model's inputs for a container: its requests and limits, seeded by pod and name. */
export function usageProfile(req: ContainerRequest): UsageProfile {
  const { requests = {}, limits = {} } = req.container.resources ?? {};
  const milli = (q: string | undefined) => (q === undefined ? undefined : quantityToMilli(q));
  const bytes = (q: string | undefined) => (q === undefined ? undefined : quantityToNumber(q));
  return {
    seed: seedOf(`${req.namespace}/${req.podName}/${req.container.name}`),
    cpuRequestMilli: milli(requests.cpu),
    memoryRequestBytes: bytes(requests.memory),
    cpuLimitMilli: milli(limits.cpu),
    memoryLimitBytes: bytes(limits.memory),
  };
}

const delay = (clock: Clock, ms: number) => new Promise<void>((resolve) => (ms > 0 ? clock.after(ms, resolve) : resolve()));

export class SimulatedRuntime implements ContainerRuntime {
  readonly name = 'simulated';
  private readonly clock: Clock;
  private readonly pullDelayMs: number;
  private readonly startDelayMs: number;

  constructor(opts: SimulatedRuntimeOptions = {}) {
    this.clock = opts.clock ?? realClock;
    this.pullDelayMs = opts.pullDelayMs ?? 150;
    this.startDelayMs = opts.startDelayMs ?? 50;
  }

  /** Any image can be "run"; only a malformed name cannot. */
  cannotRun(image: string): string | undefined {
    const ref = parseImageRef(image);
    return typeof ref === 'string' ? ref : undefined;
  }

  async pull(image: string): Promise<number> {
    const why = this.cannotRun(image);
    if (why) throw new Error(`couldn't parse image name "${image}": ${why}`);
    await delay(this.clock, this.pullDelayMs);
    return this.pullDelayMs;
  }

  /** Throws (CreateContainerError) when the pod's usage annotation is malformed. */
  async start(req: ContainerRequest): Promise<RunningContainer> {
    const override = usageOverrideFor(req.annotations, req.container.name);
    await delay(this.clock, this.startDelayMs);
    return new SimulatedContainer(req, override, this.clock);
  }
}

class SimulatedContainer implements RunningContainer {
  readonly id = randomBytes(32).toString('hex');
  readonly startedAt: Date;
  readonly exited: Promise<ContainerExit>;
  private output: LogLine[];
  private readonly listeners = new Set<(line: LogLine) => void>();
  private stopLoop: () => void = () => {};
  private readonly serves: boolean;
  private readonly profile: UsageProfile;
  private finish!: (exit: ContainerExit) => void;
  private result: ContainerExit | undefined;
  private cancelTimer: () => void = () => {};

  constructor(
    req: ContainerRequest,
    private readonly override: UsageOverride | undefined,
    private readonly clock: Clock,
  ) {
    this.startedAt = clock.now();
    this.profile = usageProfile(req);
    this.exited = new Promise((resolve) => (this.finish = resolve));
    const behaviour = simulateCommand(req.container.command, req.container.args);
    this.output = behaviour.output.map((text) => ({ time: this.startedAt, text }));
    this.serves = behaviour.kind === 'forever' && !req.container.command?.length;
    const limit = this.profile.memoryLimitBytes;
    const overLimit = override?.memoryBytes !== undefined && limit !== undefined && override.memoryBytes > limit;
    if (behaviour.kind === 'exit' && !(overLimit && behaviour.afterMs > OOM_AFTER_MS)) {
      const code = behaviour.exitCode;
      if (behaviour.afterMs > 0) this.cancelTimer = clock.after(behaviour.afterMs, () => this.end(code));
      else queueMicrotask(() => this.end(code));
    } else if (overLimit) {
      // The kernel's OOM killer: SIGKILL, so 137, whatever the command would have done next.
      this.cancelTimer = clock.after(OOM_AFTER_MS, () => this.end(137, 'OOMKilled'));
    }
    if (behaviour.kind === 'forever' && behaviour.loop) {
      this.stopLoop = playLoop(behaviour.loop, clock, { print: (text) => this.print(text), exit: (code) => this.end(code) });
    }
  }

  private print(text: string): void {
    const line = { time: this.clock.now(), text };
    this.output.push(line);
    // Dropped in slices, so a chatty container does not copy its log on every line.
    if (this.output.length > MAX_LOG_LINES * 1.1) this.output = this.output.slice(-MAX_LOG_LINES);
    for (const listener of this.listeners) listener(line);
  }

  private end(exitCode: number, reason?: ExitReason): ContainerExit {
    if (!this.result) {
      this.cancelTimer();
      this.stopLoop();
      this.result = { exitCode, reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'), finishedAt: this.clock.now() };
      this.finish(this.result);
    }
    return this.result;
  }

  usage(): ContainerUsage {
    if (this.result) return { cpuMillicores: 0, memoryBytes: 0 };
    const model = modelUsage(this.profile, this.startedAt, this.clock.now());
    return { cpuMillicores: this.override?.cpuMillicores ?? model.cpuMillicores, memoryBytes: this.override?.memoryBytes ?? model.memoryBytes };
  }

  /**
   * Stopping is immediate. A server (the image's own entrypoint) shuts down cleanly on SIGTERM;
   * a command run as PID 1 ignores it and is killed (137), as a shell or sleep would be.
   */
  async stop(_graceSeconds: number): Promise<ContainerExit> {
    return this.end(this.serves ? 0 : 137);
  }

  logs(): LogLine[] {
    return this.output.slice(-MAX_LOG_LINES);
  }

  onLog(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
