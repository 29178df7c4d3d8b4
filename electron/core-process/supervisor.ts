// Keeps a child process alive, as a service manager would: a child that exits without being
// asked to is started again after a growing delay, and after too many crashes in a row the
// supervisor gives up and says so instead of looping forever. What the child is (a Node fork,
// an Electron utilityProcess) is behind ChildHandle, so this logic is tested under plain Node.

export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

export interface ChildHandle<T> {
  pid?: number;
  /** The child's ready report; rejects when it reports a failure or exits first. */
  ready: Promise<T>;
  exited: Promise<ExitInfo>;
  /** Asks the child to stop cleanly. */
  requestStop(): void;
  kill(): void;
}

export type SupervisorEvent<T> =
  | { type: 'ready'; value: T; pid?: number }
  | { type: 'crashed'; reason: string; restart: number; maxRestarts: number; restartInMs: number }
  | { type: 'gave-up'; reason: string; crashes: number };

export interface SupervisorOptions<T> {
  spawn: () => ChildHandle<T>;
  /** Restarts in a row before giving up (default 5). */
  maxRestarts?: number;
  /** Delay before restart n is initial * 2^(n-1), at most max (default 1 s, 30 s). */
  backoffMs?: { initial: number; max: number };
  /** A child that ran this long was healthy: its crash starts the count again (default 60 s). */
  stableMs?: number;
  /** How long a clean stop may take before the child is killed (default 20 s). */
  stopTimeoutMs?: number;
}

export class Supervisor<T> {
  private child?: ChildHandle<T>;
  private crashes = 0;
  private stopping = false;
  private timer?: NodeJS.Timeout;
  private readonly listeners = new Set<(event: SupervisorEvent<T>) => void>();

  constructor(private readonly opts: SupervisorOptions<T>) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  on(listener: (event: SupervisorEvent<T>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the first child. Its failure to start is the caller's to report: no restart. */
  async start(): Promise<T> {
    const child = this.spawn();
    let value: T;
    try {
      value = await child.ready;
    } catch (err) {
      // It said why and exits on its own; one that hangs is killed.
      await this.exitWithin(child);
      this.child = undefined;
      throw err;
    }
    this.supervise(child, Date.now());
    return value;
  }

  /** Stops the child cleanly (killing it after stopTimeoutMs) and restarts nothing more. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const child = this.child;
    this.child = undefined;
    if (!child) return;
    child.requestStop();
    await this.exitWithin(child);
  }

  /** Waits for the child to exit, killing it after stopTimeoutMs. */
  private async exitWithin(child: ChildHandle<T>): Promise<void> {
    const timeout = setTimeout(() => child.kill(), this.opts.stopTimeoutMs ?? 20_000);
    await child.exited;
    clearTimeout(timeout);
  }

  private spawn(): ChildHandle<T> {
    const child = this.opts.spawn();
    this.child = child;
    return child;
  }

  /** Watches a running child; readyAt is when it became ready (undefined: not yet). */
  private supervise(child: ChildHandle<T>, readyAt?: number): void {
    const up = { since: readyAt };
    child.ready.then(
      (value) => {
        if (up.since !== undefined || this.child !== child || this.stopping) return;
        up.since = Date.now();
        this.emit({ type: 'ready', value, pid: child.pid });
      },
      () => child.kill(), // it reported a failure: its exit is the crash that follows
    );
    void child.exited.then((exit) => {
      if (this.stopping || this.child !== child) return;
      this.child = undefined;
      if (up.since !== undefined && Date.now() - up.since >= (this.opts.stableMs ?? 60_000)) this.crashes = 0;
      this.crashes++;
      const reason = describeExit(exit);
      const maxRestarts = this.opts.maxRestarts ?? 5;
      if (this.crashes > maxRestarts) {
        this.emit({ type: 'gave-up', reason, crashes: this.crashes });
        return;
      }
      const { initial, max } = this.opts.backoffMs ?? { initial: 1000, max: 30_000 };
      const restartInMs = Math.min(initial * 2 ** (this.crashes - 1), max);
      this.emit({ type: 'crashed', reason, restart: this.crashes, maxRestarts, restartInMs });
      this.timer = setTimeout(() => {
        if (!this.stopping) this.supervise(this.spawn());
      }, restartInMs);
    });
  }

  private emit(event: SupervisorEvent<T>): void {
    for (const listener of this.listeners) listener(event);
  }
}

export function describeExit(exit: ExitInfo): string {
  return exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code ?? 'unknown'}`;
}
