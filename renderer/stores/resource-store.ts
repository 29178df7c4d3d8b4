// One Pinia store per resource kind the app shows, each on its own list/watch cache. Views
// take a hold on a store while they show it; the watch ends when the last hold is released.
import { defineStore } from 'pinia';
import { kindPage } from '../kinds';
import { collectionPath, type ResourceKind } from '../kube/resources';
import { useTableWatch } from '../kube/use-table-watch';

function defineResourceStore(kind: ResourceKind) {
  return defineStore(`resource/${kind.id}`, () => {
    const watch = useTableWatch(kindPage(kind.id).tableColumns?.());
    let holds = 0;

    /** Shows this kind in a namespace ('' for all); returns the release function. */
    function hold(namespace: string): () => void {
      holds++;
      watch.start(collectionPath(kind, namespace));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holds === 0) watch.stop();
      };
    }

    return { kind, ...watch, hold };
  });
}

const definitions = new Map<string, ReturnType<typeof defineResourceStore>>();

export function useResourceStore(kind: ResourceKind) {
  let define = definitions.get(kind.id);
  if (!define) {
    define = defineResourceStore(kind);
    definitions.set(kind.id, define);
  }
  return define();
}

/** The store of every kind shown so far, for searching the objects the app has loaded. */
export function loadedResourceStores() {
  return [...definitions.values()].map((define) => define());
}
