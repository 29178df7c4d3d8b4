// Create ignores any status the client sent: the object starts with its kind's empty status,
// spelled as Kubernetes serialises a zero-valued status struct (required counters as 0).
import type { KubeObject } from '../../machinery/object';

export function resetStatus(obj: KubeObject, empty: Record<string, unknown> = {}): void {
  obj.status = empty;
}
