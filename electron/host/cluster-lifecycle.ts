// Which cluster the app talks to: the embedded Wheelhouse cluster (started on demand, by
// default in ~/.wheelhouse/cluster) or a context from the user's kubeconfig.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ClusterEntry, ClusterStatus } from '../bridge/contract';
import { listContexts, loadKubeTarget, type KubeTarget } from './kube-target';

/** The part of core's startCluster() result the host uses. */
export interface EmbeddedCluster {
  url: string;
  kubeconfigPath: string;
  stop(): Promise<void>;
}

export interface ClusterLifecycleOptions {
  /** Embedded cluster data directory; default ~/.wheelhouse/cluster. */
  dataDir?: string;
  /** The user's kubeconfig; default $KUBECONFIG (first entry) or ~/.kube/config. */
  userKubeconfig?: string;
  /** Starts the embedded cluster; default core's startCluster({ dataDir }). */
  startEmbedded?: () => Promise<EmbeddedCluster>;
}

export const EMBEDDED_ID = 'embedded';
const EMBEDDED_CONTEXT = 'wheelhouse';
const CONTEXT_PREFIX = 'context:';

type Listener = (status: ClusterStatus) => void;

export class ClusterLifecycle {
  private embedded?: Promise<EmbeddedCluster>;
  private current?: KubeTarget;
  private generation = 0;
  private state: ClusterStatus = { id: EMBEDDED_ID, label: 'Wheelhouse (embedded)', state: 'stopped' };
  private readonly listeners = new Set<Listener>();
  private readonly userKubeconfig: string;
  private readonly startEmbedded: () => Promise<EmbeddedCluster>;

  constructor(opts: ClusterLifecycleOptions = {}) {
    this.userKubeconfig = opts.userKubeconfig ?? defaultKubeconfig();
    const dataDir = opts.dataDir ?? join(homedir(), '.wheelhouse', 'cluster');
    this.startEmbedded =
      opts.startEmbedded ??
      (async () => {
        const { startCluster } = await import('../../core/cluster');
        return startCluster({ dataDir });
      });
  }

  list(): ClusterEntry[] {
    return [
      { id: EMBEDDED_ID, label: 'Wheelhouse (embedded)', embedded: true },
      ...listContexts(this.userKubeconfig).map((name) => ({ id: CONTEXT_PREFIX + name, label: name, embedded: false })),
    ];
  }

  status(): ClusterStatus {
    return this.state;
  }

  /** The selected cluster's connection; throws until one is ready. */
  target(): KubeTarget {
    if (!this.current || this.state.state !== 'ready') throw new Error(`cluster ${this.state.label} is ${this.state.state}`);
    return this.current;
  }

  onStatus(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async select(id: string): Promise<ClusterStatus> {
    const entry = this.list().find((e) => e.id === id);
    if (!entry) throw new Error(`unknown cluster ${id}`);
    const generation = ++this.generation;
    this.current = undefined;
    this.setState({ id, label: entry.label, state: 'starting' });
    let target: KubeTarget;
    try {
      target = entry.embedded
        ? loadKubeTarget((await (this.embedded ??= this.startEmbedded())).kubeconfigPath, EMBEDDED_CONTEXT)
        : loadKubeTarget(this.userKubeconfig, id.slice(CONTEXT_PREFIX.length));
    } catch (err) {
      if (entry.embedded) this.embedded = undefined;
      if (generation === this.generation) this.setState({ id, label: entry.label, state: 'error', message: (err as Error).message });
      return this.state;
    }
    // A later select() supersedes this one if it came while the cluster was starting.
    if (generation === this.generation) {
      this.current = target;
      this.setState({ id, label: entry.label, state: 'ready', server: target.server });
    }
    return this.state;
  }

  async stop(): Promise<void> {
    const embedded = this.embedded;
    this.embedded = undefined;
    this.current = undefined;
    this.setState({ ...this.state, state: 'stopped', server: undefined });
    if (embedded) await (await embedded.catch(() => undefined))?.stop();
  }

  private setState(status: ClusterStatus): void {
    this.state = status;
    for (const listener of this.listeners) listener(status);
  }
}

function defaultKubeconfig(): string {
  const fromEnv = process.env.KUBECONFIG?.split(process.platform === 'win32' ? ';' : ':').find(Boolean);
  return fromEnv ?? join(homedir(), '.kube', 'config');
}
