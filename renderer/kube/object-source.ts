// A list/watch source of whole objects (plain JSON, not Tables) for one collection path and
// query, over the bridge: for views that read spec and status, such as the overview's
// requests and allocatable, or one object's page (a field selector on its name).
import type { Status } from 'kubernetes-types/meta/v1';
import { getBridge } from '../bridge/client';
import { kubeRequest } from './api';
import { explained } from './api-errors';
import type { KubeObject } from './kube-object';
import type { ListWatchSource, WatchDelta } from './list-watch';

export type { KubeObject };

interface KubeList {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

const PAGE_SIZE = '500';

export function objectSource(path: string, query: Record<string, string> = {}): ListWatchSource<KubeObject> {
  return {
    async listPage(cont) {
      const page = { ...query, limit: PAGE_SIZE, ...(cont ? { continue: cont } : {}) };
      const list = await explained('list', path, () => kubeRequest<KubeList>({ method: 'GET', path, query: page }));
      return { items: list.items ?? [], resourceVersion: list.metadata?.resourceVersion ?? '', continue: list.metadata?.continue };
    },
    watch(resourceVersion, callbacks) {
      const bridge = getBridge();
      const id = crypto.randomUUID();
      const offEvent = bridge.on('kube:watch-event', (event) => {
        if (event.id === id) callbacks.delta(objectDelta(event.type, event.object));
      });
      const offClosed = bridge.on('kube:watch-closed', (event) => {
        if (event.id === id) callbacks.closed(event.reason);
      });
      bridge.invoke('kube:watch', { id, path, query, resourceVersion }).catch((err: Error) => callbacks.closed(err.message));
      return () => {
        offEvent();
        offClosed();
        void bridge.invoke('kube:unwatch', { id }).catch(() => undefined);
      };
    },
    resourceVersionOf: (item) => item.metadata?.resourceVersion,
  };
}

export function objectDelta(type: string, object: unknown): WatchDelta<KubeObject> {
  if (type === 'ERROR') {
    const status = object as Partial<Status>;
    return { type: 'ERROR', code: status?.code, message: status?.message ?? 'watch error' };
  }
  if (type === 'BOOKMARK') return { type: 'BOOKMARK', resourceVersion: (object as KubeObject)?.metadata?.resourceVersion };
  return { type: type as 'ADDED' | 'MODIFIED' | 'DELETED', item: object as KubeObject };
}

/** An object's identity in a cache. */
export function objectKey(object: KubeObject): string {
  const meta = object.metadata;
  return meta?.uid ?? `${meta?.namespace ?? ''}/${meta?.name ?? ''}`;
}
