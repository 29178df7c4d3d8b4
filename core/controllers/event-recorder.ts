// Records core/v1 Events as Kubernetes components do: one Event per object, reason and
// message, repeated occurrences counted on the same Event (count, lastTimestamp).
import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../apiserver/object';
import type { Clock } from './clock';
import { timestamp } from './clock';
import type { Client } from './client';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

export function referenceTo(obj: KubeObject, fieldPath?: string): ObjectReference {
  return {
    kind: obj.kind,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    apiVersion: obj.apiVersion,
    resourceVersion: obj.metadata.resourceVersion,
    ...(fieldPath ? { fieldPath } : {}),
  };
}

export class EventRecorder {
  /** Event name by occurrence key, to count repeats instead of creating new Events. */
  private readonly seen = new Map<string, string>();
  private sequence = 0;

  constructor(
    private readonly client: Client,
    private readonly source: EventSource,
    private readonly clock: Clock,
  ) {}

  /** Fire and forget: an event that cannot be written never fails the caller's work. */
  event(obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    void this.record(obj, type, reason, message, fieldPath).catch(() => undefined);
  }

  async record(obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): Promise<void> {
    const ns = obj.metadata.namespace || 'default';
    const ref = referenceTo(obj, fieldPath);
    const key = [ns, ref.kind, ref.name, ref.uid, fieldPath ?? '', type, reason, message].join('\u0000');
    const now = this.clock.now();
    const existing = this.seen.get(key);
    if (existing) {
      try {
        await this.client.update<Event>('', 'events', ns, existing, (e) => {
          e.count = (e.count ?? 1) + 1;
          e.lastTimestamp = timestamp(now);
        });
        return;
      } catch {
        this.seen.delete(key); // expired or deleted: record afresh
      }
    }
    // client-go names events <object>.<UnixNano in hex>; a counter keeps names increasing
    // within one millisecond, so `kubectl describe` lists them in the order they happened.
    const name = `${obj.metadata.name}.${(BigInt(now.getTime()) * 1_000_000n + BigInt(this.sequence++ % 1_000_000)).toString(16)}`;
    await this.client.create<Event>('', 'events', ns, {
      metadata: { name, namespace: ns },
      involvedObject: ref,
      reason,
      message,
      type,
      source: this.source,
      firstTimestamp: timestamp(now),
      lastTimestamp: timestamp(now),
      count: 1,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    } as Event);
    this.seen.set(key, name);
    if (this.seen.size > 10_000) this.seen.delete(this.seen.keys().next().value as string);
  }
}
