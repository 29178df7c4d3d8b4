// The Vue side of a list/watch cache of whole objects: reactive items, updated once per batch
// (ListWatch hands over its changes once per animation frame). The cache lives as long as the
// calling component.
import { computed, getCurrentScope, onScopeDispose, ref } from 'vue';
import { ListWatch, type ListWatchState } from './list-watch';
import { objectKey, objectSource, type KubeObject } from './object-source';

const active = new Set<() => void>();
const EMPTY: ReadonlyMap<string, KubeObject> = new Map();

/** Re-lists every running cache, e.g. after the cluster was switched. */
export function restartAllObjectWatches(): void {
  for (const restart of active) restart();
}

export function useObjectWatch<T = KubeObject>() {
  const state = ref<ListWatchState>('idle');
  const error = ref<string>();
  const version = ref(0);
  let lw: ListWatch<KubeObject> | undefined;
  let current = '';

  const flush = () => {
    state.value = lw?.state ?? 'idle';
    error.value = lw?.error;
    version.value++;
  };
  const restart = () => lw?.start();

  const items = computed<T[]>(() => {
    void version.value;
    return lw ? ([...lw.items.values()] as T[]) : [];
  });
  /** The cache itself, for readers that only add up (the overview over every pod): no copy.
   *  A new wrapper per batch is what tells them to read it again. */
  const cache = computed(() => ({ items: (lw?.items ?? EMPTY) as ReadonlyMap<string, T>, version: version.value }));

  /** Lists and watches the path with the query; the same arguments again change nothing. */
  function start(path: string, query: Record<string, string> = {}): void {
    const key = `${path}?${new URLSearchParams(query)}`;
    if (lw && key === current) return;
    stop();
    current = key;
    lw = new ListWatch(objectSource(path, query), objectKey, flush);
    active.add(restart);
    lw.start();
  }

  function stop(): void {
    lw?.stop();
    lw = undefined;
    current = '';
    active.delete(restart);
    flush();
  }

  if (getCurrentScope()) onScopeDispose(stop);
  return { items, cache, state, error, start, stop };
}
