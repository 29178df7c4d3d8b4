// Which cluster the app talks to: the embedded Wheelhouse cluster (started on demand, by
// default in ~/.wheelhouse/cluster) or a context from the user's kubeconfig files. The choice
// is saved, an unreachable context is retried with a growing delay, and the embedded
// cluster's crashes and restarts show as its status.
import type { ClientRequest } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ClusterEntry, ClusterStatus } from '../bridge/contract';
import type { SupervisorEvent } from '../core-process/supervisor';
import type { AppSettings } from './app-settings';
import { kubeConfigFor, kubeconfigPaths, loadMergedKubeconfig } from './kubeconfig-files';
import { kubeTarget, loadKubeTarget, type KubeTarget } from './kube-target';
import type { ContextSource } from './terminal-kubeconfig';

/** What a supervised embedded cluster reports: crashes, restarts, giving up. */
export type EmbeddedEvent = SupervisorEvent<unknown>;

/** The part of a started embedded cluster the host uses. */
export interface EmbeddedCluster {
  url: string;
  kubeconfigPath: string;
  stop(): Promise<void>;
  /** Crashes and restarts, when the cluster runs in a supervised process. */
  onEvent?(listener: (event: EmbeddedEvent) => void): () => void;
}

export interface ClusterLifecycleOptions {
  /** Embedded cluster data directory; default ~/.wheelhouse/cluster. */
  dataDir?: string;
  /** The user's kubeconfig files, merged as kubectl merges them; default $KUBECONFIG or ~/.kube/config. */
  userKubeconfig?: string | string[];
  /** Starts the embedded cluster; default core's startCluster({ dataDir }) in this process. */
  startEmbedded?: () => Promise<EmbeddedCluster>;
  /** Where the chosen cluster is remembered; default nowhere. */
  settings?: AppSettings;
  /** Delays between attempts to reach an unreachable context (default 1 s doubling to 30 s). */
  retryMs?: { initial: number; max: number };
  /** How long a context's server has to answer /version (default 5 s). */
  probeTimeoutMs?: number;
}

export const EMBEDDED_ID = 'embedded';
const EMBEDDED_LABEL = 'Wheelhouse (embedded)';
const EMBEDDED_CONTEXT = 'wheelhouse';
const CONTEXT_PREFIX = 'context:';

type Listener = (status: ClusterStatus) => void;

export class ClusterLifecycle {
  private embedded?: Promise<EmbeddedCluster>;
  private current?: KubeTarget;
  private generation = 0;
  private retryTimer?: NodeJS.Timeout;
  private state: ClusterStatus = { id: EMBEDDED_ID, label: EMBEDDED_LABEL, state: 'stopped' };
  private readonly listeners = new Set<Listener>();
  private readonly kubeconfigs: string[];
  private readonly startEmbedded: () => Promise<EmbeddedCluster>;

  constructor(private readonly opts: ClusterLifecycleOptions = {}) {
    this.kubeconfigs = opts.userKubeconfig === undefined ? kubeconfigPaths() : [opts.userKubeconfig].flat();
    const dataDir = opts.dataDir ?? join(homedir(), '.wheelhouse', 'cluster');
    this.startEmbedded =
      opts.startEmbedded ??
      (async () => {
        const { startCluster } = await import('../../core/cluster');
        return startCluster({ dataDir });
      });
  }

  list(): ClusterEntry[] {
    const merged = loadMergedKubeconfig(this.kubeconfigs);
    return [
      { id: EMBEDDED_ID, label: EMBEDDED_LABEL, embedded: true },
      ...merged.contexts.map((c) => ({ id: CONTEXT_PREFIX + c.name, label: c.name, embedded: false })),
    ];
  }

  /** Kubeconfig files that exist but could not be read, with why. */
  kubeconfigProblems(): string[] {
    return loadMergedKubeconfig(this.kubeconfigs).problems;
  }

  /** The cluster to open at start: the one chosen last time if it still exists, else the embedded one. */
  preferred(): string {
    let saved: string | undefined;
    try {
      saved = this.opts.settings?.read().cluster;
    } catch (err) {
      console.warn(`wheelhouse: ${(err as Error).message}`);
    }
    return saved && this.list().some((e) => e.id === saved) ? saved : EMBEDDED_ID;
  }

  /** The kubeconfig files and context a terminal for cluster `id` uses (the embedded one must be running). */
  async contextSource(id: string): Promise<ContextSource> {
    const entry = this.list().find((e) => e.id === id);
    if (!entry) throw new Error(`unknown cluster ${id}`);
    if (!entry.embedded) return { files: this.kubeconfigs, context: entry.label };
    if (!this.embedded) throw new Error(`${EMBEDDED_LABEL} is not running`);
    return { files: [(await this.embedded).kubeconfigPath], context: EMBEDDED_CONTEXT };
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
    clearTimeout(this.retryTimer);
    this.current = undefined;
    this.remember(id);
    this.setState({ id, label: entry.label, state: 'starting' });
    if (entry.embedded) await this.connectEmbedded(generation);
    else await this.connectContext(generation, id, entry.label, 0);
    return this.state;
  }

  async stop(): Promise<void> {
    ++this.generation;
    clearTimeout(this.retryTimer);
    const embedded = this.embedded;
    this.embedded = undefined;
    this.current = undefined;
    this.setState({ ...this.state, state: 'stopped', server: undefined, message: undefined });
    if (embedded) await (await embedded.catch(() => undefined))?.stop();
  }

  private async connectEmbedded(generation: number): Promise<void> {
    try {
      if (!this.embedded) {
        const starting = this.startEmbedded();
        this.embedded = starting;
        void starting.then((cluster) => cluster.onEvent?.((event) => this.onEmbeddedEvent(starting, cluster, event)), () => undefined);
      }
      const cluster = await this.embedded;
      if (generation === this.generation) this.ready(EMBEDDED_ID, EMBEDDED_LABEL, loadKubeTarget(cluster.kubeconfigPath, EMBEDDED_CONTEXT));
    } catch (err) {
      this.embedded = undefined;
      if (generation === this.generation) this.setState({ id: EMBEDDED_ID, label: EMBEDDED_LABEL, state: 'error', message: (err as Error).message });
    }
  }

  private onEmbeddedEvent(instance: Promise<EmbeddedCluster>, cluster: EmbeddedCluster, event: EmbeddedEvent): void {
    if (this.embedded !== instance) return;
    if (event.type === 'gave-up') this.embedded = undefined;
    if (this.state.id !== EMBEDDED_ID || this.state.state === 'stopped') return;
    const error = (message: string) => {
      this.current = undefined;
      this.setState({ id: EMBEDDED_ID, label: EMBEDDED_LABEL, state: 'error', message });
    };
    if (event.type === 'ready') {
      try {
        this.ready(EMBEDDED_ID, EMBEDDED_LABEL, loadKubeTarget(cluster.kubeconfigPath, EMBEDDED_CONTEXT));
      } catch (err) {
        error((err as Error).message);
      }
    } else if (event.type === 'crashed') {
      error(
        `the embedded cluster's process ${event.reason}; restarting it in ${seconds(event.restartInMs)} (restart ${event.restart} of ${event.maxRestarts})`,
      );
    } else {
      error(
        `the embedded cluster's process ${event.reason} after ${event.crashes - 1} restarts in a row; Wheelhouse stopped restarting it. Choose it in the cluster picker to start it again.`,
      );
    }
  }

  /** Reaches a kubeconfig context's server (GET /version); while it does not answer, tries again with backoff. */
  private async connectContext(generation: number, id: string, label: string, attempt: number): Promise<void> {
    let target: KubeTarget;
    try {
      const merged = loadMergedKubeconfig(this.kubeconfigs);
      target = kubeTarget(kubeConfigFor(merged, label), `context ${label}`);
    } catch (err) {
      if (generation === this.generation) this.setState({ id, label, state: 'error', message: (err as Error).message });
      return;
    }
    let req: ClientRequest;
    try {
      req = await target.request('GET', '/version', { Accept: 'application/json' });
    } catch (err) {
      // The kubeconfig itself is wrong (a credential file missing, http without
      // insecure-skip-tls-verify...): trying again would not help.
      if (generation === this.generation) this.setState({ id, label, state: 'error', server: target.server, message: (err as Error).message });
      return;
    }
    try {
      await answered(req, this.opts.probeTimeoutMs ?? 5000);
    } catch (err) {
      return this.unreachable(generation, id, label, target.server, err as Error, attempt);
    }
    if (generation === this.generation) this.ready(id, label, this.watchedForLoss(generation, id, label, target));
  }

  /** A context that was reached: a connection error on any of its requests checks it again. */
  private watchedForLoss(generation: number, id: string, label: string, target: KubeTarget): KubeTarget {
    let checking = false;
    const recheck = async () => {
      if (checking || generation !== this.generation || this.state.state !== 'ready') return;
      checking = true;
      try {
        await answered(await target.request('GET', '/version', { Accept: 'application/json' }), this.opts.probeTimeoutMs ?? 5000);
      } catch (err) {
        this.current = undefined;
        this.unreachable(generation, id, label, target.server, err as Error, 0);
      } finally {
        checking = false;
      }
    };
    return {
      ...target,
      async request(method, pathAndQuery, headers) {
        const req = await target.request(method, pathAndQuery, headers);
        req.once('error', () => void recheck());
        return req;
      },
    };
  }

  /** Shows why the server did not answer and tries again later, each time waiting longer. */
  private unreachable(generation: number, id: string, label: string, server: string, err: Error, attempt: number): void {
    if (generation !== this.generation) return;
    const { initial, max } = this.opts.retryMs ?? { initial: 1000, max: 30_000 };
    const delay = Math.min(initial * 2 ** attempt, max);
    this.setState({ id, label, state: 'error', server, message: `cannot reach ${server}: ${err.message}. Retrying in ${seconds(delay)}.` });
    this.retryTimer = setTimeout(() => void this.connectContext(generation, id, label, attempt + 1), delay);
  }

  private ready(id: string, label: string, target: KubeTarget): void {
    this.current = target;
    this.setState({ id, label, state: 'ready', server: target.server });
  }

  private remember(id: string): void {
    try {
      this.opts.settings?.update({ cluster: id });
    } catch (err) {
      console.warn(`wheelhouse: could not save the chosen cluster: ${(err as Error).message}`);
    }
  }

  private setState(status: ClusterStatus): void {
    this.state = status;
    for (const listener of this.listeners) listener(status);
  }
}

/** Any HTTP answer means the server is there; credentials are judged per request. */
function answered(req: ClientRequest, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${seconds(timeoutMs)}`)));
    req.once('response', (res) => {
      res.resume();
      resolve();
    });
    req.once('error', reject);
    req.end();
  });
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
