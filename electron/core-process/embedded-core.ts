// The embedded cluster as the host uses it: started in its own process and kept running by a
// Supervisor, which reports crashes, restarts and giving up as events.
import type { EmbeddedCluster } from '../host/cluster-lifecycle';
import type { CoreReady } from './protocol';
import { Supervisor, type ChildHandle, type SupervisorOptions } from './supervisor';

export interface SupervisedCore extends EmbeddedCluster {
  readonly pid?: number;
}

export async function startSupervisedCore(
  spawn: () => ChildHandle<CoreReady>,
  opts: Omit<SupervisorOptions<CoreReady>, 'spawn'> = {},
): Promise<SupervisedCore> {
  const supervisor = new Supervisor({ ...opts, spawn });
  const first = await supervisor.start();
  return {
    url: first.url,
    kubeconfigPath: first.kubeconfigPath,
    get pid() {
      return supervisor.pid;
    },
    onEvent: (listener) => supervisor.on(listener),
    stop: () => supervisor.stop(),
  };
}
