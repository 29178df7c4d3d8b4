// The Vue side of a list/watch cache of Table rows: reactive rows and columns, with change
// notifications batched per animation frame so a burst of events costs one re-render.
import { computed, ref, shallowRef } from 'vue';
import { ListWatch, type ListWatchState } from './list-watch';
import { rowKey, type TableColumn, type TableRow } from './table';
import { tableSource } from './table-source';

const active = new Set<() => void>();

/** Re-lists every running cache, e.g. after the cluster was switched. */
export function restartAllTableWatches(): void {
  for (const restart of active) restart();
}

export function useTableWatch() {
  const columns = shallowRef<TableColumn[]>([]);
  const state = ref<ListWatchState>('idle');
  const error = ref<string>();
  const path = ref('');
  const version = ref(0);
  let lw: ListWatch<TableRow> | undefined;
  let frame = 0;

  const flush = () => {
    frame = 0;
    state.value = lw?.state ?? 'idle';
    error.value = lw?.error;
    version.value++;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(flush);
  };
  const restart = () => lw?.start();

  const rows = computed<TableRow[]>(() => {
    void version.value;
    return lw ? [...lw.items.values()] : [];
  });

  function start(collectionPath: string): void {
    if (lw && path.value === collectionPath) return;
    stop();
    path.value = collectionPath;
    columns.value = [];
    lw = new ListWatch(tableSource(collectionPath, (c) => (columns.value = c)), rowKey, schedule);
    active.add(restart);
    lw.start();
  }

  function stop(): void {
    lw?.stop();
    lw = undefined;
    active.delete(restart);
    path.value = '';
    flush();
  }

  return { rows, columns, state, error, path, start, stop };
}
