// The simulated container runtime: runs nothing. Pulls and starts take a configurable moment,
// containers "run" their command as simulate-command.ts describes, and usage is synthetic
// and deterministic (a little below the container's requests). For scale tests, demos and
// what-if planning, and for the kubelet's tests.
import { randomBytes } from 'node:crypto';
import { parseImageRef } from './image-ref';
import { realClock, type Clock } from '../controllers/clock';
import { quantityToMilli, quantityToNumber } from '../registry/validation/quantity';
import { simulateCommand } from './simulated-command';
import type { ContainerExit, ContainerRequest, ContainerRuntime, ContainerUsage, RunningContainer } from './types';

export interface SimulatedRuntimeOptions {
  /** Time an image pull takes (default 150 ms). */
  pullDelayMs?: number;
  /** Time from create to running (default 50 ms). */
  startDelayMs?: number;
  clock?: Clock;
}

/** Usage of a container without requests: a mostly idle small process. */
const IDLE_USAGE: ContainerUsage = { cpuMillicores: 1, memoryBytes: 8 * 1024 * 1024 };
/** Share of its requests a simulated container uses. */
const USAGE_SHARE = 0.8;

export function simulatedUsage(req: ContainerRequest): ContainerUsage {
  const requests = req.container.resources?.requests ?? {};
  const cpu = requests.cpu !== undefined ? Math.floor(quantityToMilli(requests.cpu) * USAGE_SHARE) : IDLE_USAGE.cpuMillicores;
  const mem = requests.memory !== undefined ? Math.floor(quantityToNumber(requests.memory) * USAGE_SHARE) : IDLE_USAGE.memoryBytes;
  return { cpuMillicores: Math.max(cpu, 0), memoryBytes: Math.max(mem, 0) };
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

  async start(req: ContainerRequest): Promise<RunningContainer> {
    await delay(this.clock, this.startDelayMs);
    return new SimulatedContainer(req, this.clock);
  }
}

class SimulatedContainer implements RunningContainer {
  readonly id = randomBytes(32).toString('hex');
  readonly startedAt: Date;
  readonly exited: Promise<ContainerExit>;
  private readonly output: string[];
  private readonly serves: boolean;
  private finish!: (exit: ContainerExit) => void;
  private result: ContainerExit | undefined;
  private cancelTimer: () => void = () => {};

  constructor(
    private readonly req: ContainerRequest,
    private readonly clock: Clock,
  ) {
    this.startedAt = clock.now();
    this.exited = new Promise((resolve) => (this.finish = resolve));
    const behaviour = simulateCommand(req.container.command, req.container.args);
    this.output = [...behaviour.output];
    this.serves = behaviour.kind === 'forever' && !req.container.command?.length;
    if (behaviour.kind === 'exit') {
      const code = behaviour.exitCode;
      if (behaviour.afterMs > 0) this.cancelTimer = clock.after(behaviour.afterMs, () => this.end(code));
      else queueMicrotask(() => this.end(code));
    }
  }

  private end(exitCode: number): ContainerExit {
    if (!this.result) {
      this.cancelTimer();
      this.result = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', finishedAt: this.clock.now() };
      this.finish(this.result);
    }
    return this.result;
  }

  usage(): ContainerUsage {
    return this.result ? { cpuMillicores: 0, memoryBytes: 0 } : simulatedUsage(this.req);
  }

  /**
   * Stopping is immediate. A server (the image's own entrypoint) shuts down cleanly on SIGTERM;
   * a command run as PID 1 ignores it and is killed (137), as a shell or sleep would be.
   */
  async stop(_graceSeconds: number): Promise<ContainerExit> {
    return this.end(this.serves ? 0 : 137);
  }

  logs(): string[] {
    return [...this.output];
  }
}
