// What the metrics pipeline knows: the latest scrape of every node and running pod (served as
// metrics.k8s.io) and a bounded history of earlier scrapes (served for charts). One instance
// per cluster; the scraper writes, the API handlers and in-process readers read.
import type { ContainerUsage } from '../runtime/types';
import type { ContainerStats, NodeStats } from '../kubelet/node-stats';
import { UsageHistory, type UsagePoint } from './history';

/** At least this much history is kept (the issue asks for 15 minutes of charts). */
export const HISTORY_MS = 15 * 60_000;

export interface Sample {
  /** When the scrape read the value. */
  timestamp: Date;
  /** The interval the value covers (since the scrape before). */
  windowMs: number;
}

export interface NodeSample extends Sample {
  usage: ContainerUsage;
}

export interface PodSample extends Sample {
  uid: string;
  containers: ContainerStats[];
}

export interface PodHistory {
  points: UsagePoint[];
  containers: Array<{ name: string; points: UsagePoint[] }>;
}

const nodeKey = (name: string) => `node/${name}`;
const containerKey = (ns: string, pod: string, uid: string, c: string) => `container/${ns}/${pod}/${uid}/${c}`;

export class MetricsStore {
  private readonly history: UsageHistory;
  private nodes = new Map<string, NodeSample>();
  private pods = new Map<string, PodSample>();
  /** Containers each pod (by namespace/name) had in the window, under the uid it has now. */
  private readonly podContainers = new Map<string, { uid: string; names: Set<string> }>();
  private lastScrape: Date | undefined;
  private readonly listeners = new Set<(at: Date) => void>();

  constructor(
    readonly resolutionMs: number,
    historyMs = HISTORY_MS,
  ) {
    if (!(resolutionMs > 0)) throw new Error(`metrics resolution must be positive, got ${resolutionMs} ms`);
    this.history = new UsageHistory(Math.ceil(historyMs / resolutionMs) + 1);
  }

  /** One scrape of every node; what is not in it has no current metrics. */
  record(at: Date, stats: NodeStats[]): void {
    const windowMs = this.lastScrape ? at.getTime() - this.lastScrape.getTime() : this.resolutionMs;
    this.lastScrape = at;
    this.history.begin(at);
    this.nodes = new Map();
    this.pods = new Map();
    for (const node of stats) {
      this.nodes.set(node.nodeName, { timestamp: at, windowMs, usage: node.usage });
      this.history.add(nodeKey(node.nodeName), node.usage);
      for (const pod of node.pods) {
        const key = `${pod.namespace}/${pod.name}`;
        this.pods.set(key, { timestamp: at, windowMs, uid: pod.uid, containers: pod.containers });
        let seen = this.podContainers.get(key);
        if (!seen || seen.uid !== pod.uid) this.podContainers.set(key, (seen = { uid: pod.uid, names: new Set() }));
        for (const c of pod.containers) {
          seen.names.add(c.name);
          this.history.add(containerKey(pod.namespace, pod.name, pod.uid, c.name), c.usage);
        }
      }
    }
    for (const [key, seen] of this.podContainers) {
      const [ns, name] = key.split('/') as [string, string];
      if (![...seen.names].some((c) => this.history.has(containerKey(ns, name, seen.uid, c)))) this.podContainers.delete(key);
    }
    for (const l of this.listeners) l(at);
  }

  /** Called after every scrape (a chart appends its point then, instead of polling); returns an unsubscribe. */
  onScrape(listener: (at: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  node(name: string): NodeSample | undefined {
    return this.nodes.get(name);
  }

  /** The pod's latest sample, if it ran at the last scrape (and, given a uid, is that pod). */
  pod(namespace: string, name: string, uid?: string): PodSample | undefined {
    const s = this.pods.get(`${namespace}/${name}`);
    return s && (uid === undefined || s.uid === uid) ? s : undefined;
  }

  nodeHistory(name: string): UsagePoint[] {
    return this.history.points([nodeKey(name)]);
  }

  /** Per container and summed over the pod; given a uid, only that pod's (not an earlier one of the same name). */
  podHistory(namespace: string, name: string, uid?: string): PodHistory {
    const seen = this.podContainers.get(`${namespace}/${name}`);
    if (!seen || (uid !== undefined && seen.uid !== uid)) return { points: [], containers: [] };
    const names = [...seen.names].sort();
    const keys = names.map((c) => containerKey(namespace, name, seen.uid, c));
    return {
      points: this.history.points(keys),
      containers: names.map((c, i) => ({ name: c, points: this.history.points([keys[i]!]) })),
    };
  }

  /** Series kept now, for tests of the bound. */
  get seriesCount(): number {
    return this.history.size;
  }
}
