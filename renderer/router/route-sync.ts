// Keeps the ui store and the route in step: the namespace picker's choice is the route's ?ns=,
// and a row picked in a list opens that object's page.
import { watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useUiStore } from '../stores/ui';
import { objectLocation } from './locations';

export function useRouteSync(): void {
  const ui = useUiStore();
  const route = useRoute();
  const router = useRouter();

  watch(
    () => route.query.ns,
    (ns) => (ui.namespace = typeof ns === 'string' ? ns : ''),
    { immediate: true },
  );
  watch(
    () => ui.namespace,
    (ns) => {
      if ((route.query.ns ?? '') === ns) return;
      const { ns: _old, ...rest } = route.query;
      void router.replace({ ...route, query: ns ? { ...rest, ns } : rest });
    },
  );
  // The picked row stays picked, so the list shows it highlighted on the way back, until
  // another kind's list is shown.
  watch(
    () => ui.selected,
    (picked) => {
      if (!picked || route.name !== 'list') return;
      void router.push(objectLocation(String(route.params.kind), picked.name, picked.namespace, ui.namespace));
    },
  );
  let listKind = '';
  watch(
    () => (route.name === 'list' ? String(route.params.kind) : undefined),
    (kind) => {
      if (kind === undefined || kind === listKind) return;
      listKind = kind;
      ui.selected = undefined;
    },
  );
}
