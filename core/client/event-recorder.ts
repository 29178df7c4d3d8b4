// Records core/v1 Events as Kubernetes components do through client-go's recorder: correlated
// first (counted, aggregated, spam-filtered: event-correlator.ts), then written.
import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../machinery/object';
import type { Clock } from './clock';
import { timestamp } from './clock';
import type { Client } from './client';
import { EventCorrelator, type Correlated, type EventDraft } from './event-correlator';

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

export interface EventRecorder {
  event(obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void;
}

/** Writes events through a client, aggregated and rate-limited as client-go's correlator does. */
export class ClientEventRecorder implements EventRecorder {
  private readonly correlator = new EventCorrelator();
  private sequence = 0;

  constructor(
    private readonly client: Client,
    private readonly source: EventSource,
    private readonly clock: Clock,
  ) {}

  event(obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const now = this.clock.now();
    const ref = referenceTo(obj, fieldPath);
    const draft = { component: this.source.component, host: this.source.host ?? '', ref, type, reason, message };
    const correlated = this.correlator.correlate(draft, now);
    if (!correlated) return;
    // Occurrences of one Event are written in order (an update needs the create's name);
    // different Events are written concurrently.
    const write = () => this.write(obj.metadata.namespace || 'default', draft, correlated, now);
    const slot = correlated.slot;
    slot.pending = (slot.pending ?? Promise.resolve()).then(write, write).catch(() => undefined);
  }

  private async write(ns: string, draft: EventDraft, c: Correlated, now: Date): Promise<void> {
    const existing = c.slot.name;
    if (existing) {
      try {
        await this.client.update<Event>('', 'events', ns, existing, (e) => {
          e.count = c.count;
          e.message = c.message;
          e.lastTimestamp = timestamp(now);
        });
        return;
      } catch {
        // Expired or deleted: recorded afresh below.
      }
    }
    // client-go names events <object>.<UnixNano in hex>; a counter keeps names increasing
    // within one millisecond, so `kubectl describe` lists them in the order they happened.
    const name = `${draft.ref.name}.${(BigInt(now.getTime()) * 1_000_000n + BigInt(this.sequence++ % 1_000_000)).toString(16)}`;
    await this.client.create<Event>('', 'events', ns, {
      metadata: { name, namespace: ns },
      involvedObject: draft.ref,
      reason: draft.reason,
      message: c.message,
      type: draft.type,
      source: this.source,
      firstTimestamp: timestamp(existing ? now : c.first),
      lastTimestamp: timestamp(now),
      count: existing ? 1 : c.count,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    } as Event);
    c.slot.name = name;
  }
}
