// The scheduling queue (internal/queue): activeQ ordered by priority then arrival, a backoff
// area for pods that failed recently (1 s doubling to 10 s), and the unschedulable pods, which
// move back when the cluster changes in a way that may help them, or after 5 minutes anyway.
import type { Clock } from '../client/clock';
import type { PodInfo } from './pod-info';

export interface QueuedPod {
  info: PodInfo;
  /** Scheduling attempts so far (drives the backoff). */
  attempts: number;
  /** When the pod entered the active queue, for FIFO among equal priorities. */
  timestamp: number;
  lastAttempt: number;
  /** Plugins that rejected it last time: only events that concern them move it back. */
  rejectedBy: Set<string>;
}

export const INITIAL_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 10_000;
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000;

const before = (a: QueuedPod, b: QueuedPod) => a.info.priority > b.info.priority || (a.info.priority === b.info.priority && a.timestamp < b.timestamp);

export class SchedulingQueue {
  private heap: QueuedPod[] = [];
  private readonly active = new Map<string, QueuedPod>();
  private readonly backoff = new Map<string, { qp: QueuedPod; cancel: () => void }>();
  private readonly unschedulable = new Map<string, { qp: QueuedPod; cancel: () => void }>();
  /** Pods popped and being scheduled. */
  private readonly inFlight = new Map<string, QueuedPod>();
  private waiter: (() => void) | undefined;
  private seq = 0;
  private cycle = 0;
  private moveRequestCycle = -1;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly initialBackoffMs = INITIAL_BACKOFF_MS,
    private readonly maxBackoffMs = MAX_BACKOFF_MS,
  ) {}

  get schedulingCycle(): number {
    return this.cycle;
  }

  has(key: string): boolean {
    return this.active.has(key) || this.backoff.has(key) || this.unschedulable.has(key) || this.inFlight.has(key);
  }

  /** A new pending pod, or a newer version of one already queued. */
  add(info: PodInfo): void {
    const existing = this.active.get(info.key) ?? this.backoff.get(info.key)?.qp ?? this.unschedulable.get(info.key)?.qp ?? this.inFlight.get(info.key);
    if (existing) {
      existing.info = info;
      return;
    }
    this.pushActive({ info, attempts: 0, timestamp: 0, lastAttempt: 0, rejectedBy: new Set() });
  }

  /** A queued pod changed in a way that may help it (labels, tolerations, resources): try it again. */
  updated(info: PodInfo): void {
    const u = this.unschedulable.get(info.key);
    if (!u) return this.add(info);
    u.qp.info = info;
    this.unschedulable.delete(info.key);
    u.cancel();
    this.moveOut(u.qp);
  }

  delete(key: string): void {
    this.active.delete(key); // the heap entry is skipped when popped
    this.inFlight.delete(key);
    this.backoff.get(key)?.cancel();
    this.backoff.delete(key);
    this.unschedulable.get(key)?.cancel();
    this.unschedulable.delete(key);
  }

  /** The next pod to schedule; waits for one. Undefined once closed. */
  async pop(): Promise<QueuedPod | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      const qp = this.tryPop();
      if (qp) return qp;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  /** The next pod if one is ready now, without waiting (lets the scheduler drain a burst without a promise hop per pod). */
  tryPop(): QueuedPod | undefined {
    while (!this.closed && this.heap.length) {
      const qp = this.popHeap();
      if (this.active.get(qp.info.key) !== qp) continue;
      this.active.delete(qp.info.key);
      this.inFlight.set(qp.info.key, qp);
      this.cycle++;
      qp.attempts++;
      qp.lastAttempt = this.clock.now().getTime();
      return qp;
    }
    return undefined;
  }

  /** The attempt is over (bound, or handed back through one of the methods below). */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /** A pod that fits nowhere: it waits for a cluster change, unless one came during its attempt. */
  addUnschedulable(qp: QueuedPod, cycle: number, rejectedBy: Iterable<string>): void {
    if (!this.inFlight.delete(qp.info.key)) return; // deleted meanwhile
    qp.rejectedBy = new Set(rejectedBy);
    if (this.moveRequestCycle >= cycle) return this.toBackoff(qp);
    const cancel = this.clock.after(MAX_UNSCHEDULABLE_MS, () => {
      if (this.unschedulable.get(qp.info.key)?.qp !== qp) return;
      this.unschedulable.delete(qp.info.key);
      this.moveOut(qp);
    });
    this.unschedulable.set(qp.info.key, { qp, cancel });
  }

  /** A pod whose attempt failed for another reason (an API error): retry after its backoff. */
  addBackoff(qp: QueuedPod): void {
    if (!this.inFlight.delete(qp.info.key)) return;
    this.toBackoff(qp);
  }

  /** A cluster change: unschedulable pods it may help (by rejecting plugin) move back. */
  moveUnschedulable(helps: (rejectedBy: Set<string>) => boolean): void {
    this.moveRequestCycle = this.cycle;
    for (const [key, u] of this.unschedulable) {
      if (!helps(u.qp.rejectedBy)) continue;
      this.unschedulable.delete(key);
      u.cancel();
      this.moveOut(u.qp);
    }
  }

  close(): void {
    this.closed = true;
    for (const b of this.backoff.values()) b.cancel();
    for (const u of this.unschedulable.values()) u.cancel();
    this.backoff.clear();
    this.unschedulable.clear();
    this.waiter?.();
  }

  get pending(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.active.size, backoff: this.backoff.size, unschedulable: this.unschedulable.size };
  }

  private backoffMs(qp: QueuedPod): number {
    return Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** Math.max(0, qp.attempts - 1));
  }

  private moveOut(qp: QueuedPod): void {
    const remaining = qp.lastAttempt + this.backoffMs(qp) - this.clock.now().getTime();
    if (qp.attempts > 0 && remaining > 0) this.toBackoff(qp, remaining);
    else this.pushActive(qp);
  }

  private toBackoff(qp: QueuedPod, ms = this.backoffMs(qp)): void {
    const cancel = this.clock.after(ms, () => {
      if (this.backoff.get(qp.info.key)?.qp !== qp) return;
      this.backoff.delete(qp.info.key);
      this.pushActive(qp);
    });
    this.backoff.set(qp.info.key, { qp, cancel });
  }

  private pushActive(qp: QueuedPod): void {
    if (this.closed) return;
    qp.timestamp = this.seq++;
    this.active.set(qp.info.key, qp);
    const h = this.heap;
    h.push(qp);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  private popHeap(): QueuedPod {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
