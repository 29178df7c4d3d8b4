// The selected cluster and its state, as the host reports it.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, ClusterEntry, ClusterStatus } from '../../electron/bridge/contract';
import { getBridge } from '../bridge/client';
import { restartAllObjectWatches } from '../kube/use-object-watch';
import { restartAllTableWatches } from '../kube/use-table-watch';

export const useClusterStore = defineStore('cluster', () => {
  const status = ref<ClusterStatus>({ id: '', label: '', state: 'starting' });
  const clusters = ref<ClusterEntry[]>([]);
  const app = ref<AppInfo>();

  async function init(): Promise<void> {
    const bridge = getBridge();
    bridge.on('cluster:status', (next) => {
      const becameReady = next.state === 'ready' && (status.value.state !== 'ready' || status.value.id !== next.id);
      status.value = next;
      if (becameReady) {
        restartAllTableWatches();
        restartAllObjectWatches();
      }
    });
    [app.value, clusters.value, status.value] = await Promise.all([
      bridge.invoke('app:info', null),
      bridge.invoke('cluster:list', null),
      bridge.invoke('cluster:status', null),
    ]);
  }

  async function select(id: string): Promise<void> {
    status.value = await getBridge().invoke('cluster:select', { id });
  }

  return { status, clusters, app, init, select };
});
