// ControllerExpectations (UID-tracking flavour): what a controller has asked for and not yet
// seen in its informer, so a sync does not create or delete twice while its own writes are in
// flight. Expectations older than five minutes are ignored, as in Kubernetes.
import type { Clock } from '../../client/clock';

const TTL_MS = 5 * 60_000;

interface Pending {
  adds: number;
  deletes: Set<string>;
  at: number;
}

export class Expectations {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly clock: Clock) {}

  expectCreations(key: string, count: number): void {
    this.pending.set(key, { adds: count, deletes: new Set(), at: this.clock.now().getTime() });
  }

  expectDeletions(key: string, podKeys: string[]): void {
    this.pending.set(key, { adds: 0, deletes: new Set(podKeys), at: this.clock.now().getTime() });
  }

  creationObserved(key: string): void {
    const p = this.pending.get(key);
    if (p) p.adds--;
  }

  deletionObserved(key: string, podKey: string): void {
    this.pending.get(key)?.deletes.delete(podKey);
  }

  /** True when nothing is pending (or what was pending expired): the controller may act. */
  satisfied(key: string): boolean {
    const p = this.pending.get(key);
    if (!p) return true;
    return (p.adds <= 0 && p.deletes.size === 0) || this.clock.now().getTime() - p.at > TTL_MS;
  }

  forget(key: string): void {
    this.pending.delete(key);
  }
}
