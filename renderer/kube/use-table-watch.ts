// The Vue side of a list/watch cache of Table rows. The cache hands over its changes once per
// animation frame; they go into a RowIndex (sorted, filtered, updated in place), and one
// version bump per frame tells the views, so a burst of events costs one re-render of the
// rows on screen, never a copy or re-sort of the whole list.
import { computed, ref, shallowRef } from 'vue';
import { ListWatch, type ListWatchChange, type ListWatchState } from './list-watch';
import { RowIndex, type RowEntry, type SortSpec } from './row-index';
import { rowKey, type TableColumn, type TableRow } from './table';
import { extendRow, type TableExtension } from './table-extension';
import { tableSource } from './table-source';

export interface RowsView {
  entries: readonly RowEntry[];
  version: number;
}

const active = new Set<() => void>();

/** Re-lists every running cache, e.g. after the cluster was switched. */
export function restartAllTableWatches(): void {
  for (const restart of active) restart();
}

/** `extension` adds client-side columns (kinds/index.ts's tableColumns). */
export function useTableWatch(extension?: TableExtension) {
  const columns = shallowRef<TableColumn[]>([]);
  const state = ref<ListWatchState>('idle');
  const error = ref<string>();
  const path = ref('');
  const filter = ref('');
  const sort = ref<SortSpec>();
  /** Bumped once per applied batch (and per sort or filter change). */
  const version = ref(0);
  const index = new RowIndex();
  let lw: ListWatch<TableRow> | undefined;
  let stopExtension: (() => void) | undefined;

  const extended = (entries: Iterable<[string, TableRow]>): [string, TableRow][] =>
    [...entries].map(([key, row]) => [key, extendRow(row, extension!)]);
  const changed = (change: ListWatchChange<TableRow>) => {
    if (change.reset) index.reset(extension ? extended(lw?.items ?? []) : (lw?.items ?? []));
    else if (change.changed.size) {
      index.apply(extension ? new Map([...change.changed].map(([key, row]) => [key, row && extendRow(row, extension)])) : change.changed);
    }
    state.value = lw?.state ?? 'idle';
    error.value = lw?.error;
    version.value++;
  };
  const restart = () => lw?.start();

  /** The rows that match the filter, in the chosen order. The array is updated in place, so
   *  each batch comes as a new view object: that is what tells a component to render again. */
  const visible = computed<RowsView>(() => ({ entries: index.visible, version: version.value }));
  /** Every row, in the chosen order, filter or not; the same in-place array as `visible`, so
   *  readers (owned objects, the palette, the namespace picker) never copy the whole list. */
  const all = computed<RowsView>(() => ({ entries: index.sorted, version: version.value }));
  const total = computed(() => {
    void version.value;
    return index.size;
  });

  function setFilter(text: string): void {
    filter.value = text;
    index.setFilter(text);
    version.value++;
  }

  function setSort(spec: SortSpec | undefined): void {
    sort.value = spec;
    index.setSort(spec);
    version.value++;
  }

  function start(collectionPath: string): void {
    if (lw && path.value === collectionPath) return;
    stop();
    path.value = collectionPath;
    setColumns([]);
    lw = new ListWatch(tableSource(collectionPath, setColumns, extension?.query), rowKey, changed);
    active.add(restart);
    lw.start();
    stopExtension = extension?.start(() => changed({ reset: true, changed: new Map() }));
  }

  function setColumns(c: TableColumn[]): void {
    const all = extension && c.length ? [...c, ...extension.columns] : c;
    columns.value = all;
    index.setColumns(all);
  }

  function stop(): void {
    stopExtension?.();
    stopExtension = undefined;
    lw?.stop();
    lw = undefined;
    active.delete(restart);
    path.value = '';
    index.reset([]);
    changed({ reset: false, changed: new Map() });
  }

  return { all, visible, total, columns, state, error, path, filter, sort, setFilter, setSort, start, stop };
}
