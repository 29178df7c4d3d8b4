// The terminal dock: its tabs (each a shell on the host for one cluster and namespace), which
// one is shown, and whether the dock is open. Kept outside the router view, so tabs survive
// every navigation.
import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface TerminalTab {
  id: string;
  cluster: string;
  namespace: string;
  title: string;
}

export const useTerminalStore = defineStore('terminal', () => {
  const tabs = ref<TerminalTab[]>([]);
  const active = ref<string>();
  const open = ref(false);

  function add(cluster: string, label: string, namespace: string): void {
    const id = crypto.randomUUID();
    tabs.value.push({ id, cluster, namespace, title: namespace ? `${label} · ${namespace}` : label });
    active.value = id;
    open.value = true;
  }

  function remove(id: string): void {
    const index = tabs.value.findIndex((t) => t.id === id);
    if (index < 0) return;
    tabs.value.splice(index, 1);
    if (active.value === id) active.value = tabs.value[Math.min(index, tabs.value.length - 1)]?.id;
    if (!tabs.value.length) open.value = false;
  }

  return { tabs, active, open, add, remove };
});
