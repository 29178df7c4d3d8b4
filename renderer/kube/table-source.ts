// A list/watch source of Table rows for one collection path, over the bridge: the server's
// own columns, live.
import type { Status } from 'kubernetes-types/meta/v1';
import { getBridge } from '../bridge/client';
import { kubeRequest } from './api';
import { explained } from './api-errors';
import type { ListWatchSource, WatchDelta } from './list-watch';
import { isTable, TABLE_ACCEPT, type Table, type TableColumn, type TableRow } from './table';

const PAGE_SIZE = '500';

export function tableSource(path: string, onColumns: (columns: TableColumn[]) => void, selectors: Record<string, string> = {}): ListWatchSource<TableRow> {
  return {
    async listPage(cont) {
      const query: Record<string, string> = { ...selectors, limit: PAGE_SIZE };
      if (cont) query.continue = cont;
      const table = await explained('list', path, () => kubeRequest<Table>({ method: 'GET', path, query, accept: TABLE_ACCEPT }));
      if (!isTable(table)) throw new Error(`the server did not answer ${path} with a Table`);
      if (!cont && table.columnDefinitions) onColumns(table.columnDefinitions);
      return { items: table.rows ?? [], resourceVersion: table.metadata?.resourceVersion ?? '', continue: table.metadata?.continue };
    },
    watch(resourceVersion, callbacks) {
      const bridge = getBridge();
      const id = crypto.randomUUID();
      const offEvent = bridge.on('kube:watch-event', (event) => {
        if (event.id !== id) return;
        for (const delta of toDeltas(event.type, event.object)) callbacks.delta(delta);
      });
      const offClosed = bridge.on('kube:watch-closed', (event) => {
        if (event.id === id) callbacks.closed(event.reason);
      });
      bridge.invoke('kube:watch', { id, path, query: selectors, resourceVersion, accept: TABLE_ACCEPT }).catch((err: Error) => callbacks.closed(err.message));
      return () => {
        offEvent();
        offClosed();
        void bridge.invoke('kube:unwatch', { id }).catch(() => undefined);
      };
    },
    resourceVersionOf: (row) => row.object?.metadata?.resourceVersion,
  };
}

/** A watch event as cache deltas: a Table event carries its row(s); ERROR carries a Status. */
export function toDeltas(type: string, object: unknown): WatchDelta<TableRow>[] {
  if (type === 'ERROR') {
    const status = object as Partial<Status>;
    return [{ type: 'ERROR', code: status?.code, message: status?.message ?? 'watch error' }];
  }
  if (type === 'BOOKMARK') {
    const rv = (object as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion;
    return [{ type: 'BOOKMARK', resourceVersion: rv }];
  }
  if ((type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') && isTable(object)) {
    return (object.rows ?? []).map((item) => ({ type, item }));
  }
  return [];
}
