// What the metrics pipeline knows: the latest scrape of every node and running pod (served as
// metrics.k8s.io) and a bounded history of earlier scrapes (served for charts). One instance
// per cluster; the scraper writes, the API handlers and in-process readers read.
import type { ContainerUsage } from '../runtime/types';
import type { ContainerStats, NodeStats } from '../kubelet/node-stats';
import { UsageHistory, type Series, type UsagePoint } from './history';

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

interface NodeEntry {
  latest: NodeSample;
  series: Series;
  lastScrape: number;
}

interface PodEntry {
  latest: PodSample;
  /** Per container name; a new uid (a pod replaced under the same name) starts afresh. */
  containers: Map<string, Series>;
  lastScrape: number;
}

export class MetricsStore {
  private readonly history: UsageHistory;
  private readonly nodes = new Map<string, NodeEntry>();
  /** By namespace, then name: no key is built per pod on the scrape path. */
  private readonly pods = new Map<string, Map<string, PodEntry>>();
  private lastScrape: Date | undefined;
  private scrapes = 0;
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
    const scrape = this.scrapes++;
    this.history.begin(at);
    for (const node of stats) {
      const latest = { timestamp: at, windowMs, usage: node.usage };
      let n = this.nodes.get(node.nodeName);
      if (!n) this.nodes.set(node.nodeName, (n = { latest, series: this.history.series(), lastScrape: scrape }));
      Object.assign(n, { latest, lastScrape: scrape });
      this.history.add(n.series, node.usage);
      for (const pod of node.pods) {
        let byName = this.pods.get(pod.namespace);
        if (!byName) this.pods.set(pod.namespace, (byName = new Map()));
        const sample = { timestamp: at, windowMs, uid: pod.uid, containers: pod.containers };
        let p = byName.get(pod.name);
        if (!p || p.latest.uid !== pod.uid) byName.set(pod.name, (p = { latest: sample, containers: new Map(), lastScrape: scrape }));
        Object.assign(p, { latest: sample, lastScrape: scrape });
        for (const c of pod.containers) {
          let series = p.containers.get(c.name);
          if (!series) p.containers.set(c.name, (series = this.history.series()));
          this.history.add(series, c.usage);
        }
      }
    }
    this.forgetOld();
    for (const l of this.listeners) l(at);
  }

  /** Drops nodes, pods and containers with nothing left in the window. */
  private forgetOld(): void {
    for (const [name, n] of this.nodes) if (!this.history.live(n.series)) this.nodes.delete(name);
    for (const [ns, byName] of this.pods) {
      for (const [name, p] of byName) {
        for (const [c, series] of p.containers) if (!this.history.live(series)) p.containers.delete(c);
        if (p.containers.size === 0) byName.delete(name);
      }
      if (byName.size === 0) this.pods.delete(ns);
    }
  }

  /** Called after every scrape (a chart appends its point then, instead of polling); returns an unsubscribe. */
  onScrape(listener: (at: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The node's sample from the last scrape, if it was in it. */
  node(name: string): NodeSample | undefined {
    const n = this.nodes.get(name);
    return n && n.lastScrape === this.scrapes - 1 ? n.latest : undefined;
  }

  /** The pod's latest sample, if it ran at the last scrape (and, given a uid, is that pod). */
  pod(namespace: string, name: string, uid?: string): PodSample | undefined {
    const p = this.pods.get(namespace)?.get(name);
    if (!p || p.lastScrape !== this.scrapes - 1) return undefined;
    return uid === undefined || p.latest.uid === uid ? p.latest : undefined;
  }

  nodeHistory(name: string): UsagePoint[] {
    const n = this.nodes.get(name);
    return n ? this.history.points([n.series]) : [];
  }

  /** Per container and summed over the pod; given a uid, only that pod's (not an earlier one of the same name). */
  podHistory(namespace: string, name: string, uid?: string): PodHistory {
    const p = this.pods.get(namespace)?.get(name);
    if (!p || (uid !== undefined && p.latest.uid !== uid)) return { points: [], containers: [] };
    const names = [...p.containers.keys()].sort();
    const series = names.map((c) => p.containers.get(c)!);
    return {
      points: this.history.points(series),
      containers: names.map((c, i) => ({ name: c, points: this.history.points([series[i]!]) })),
    };
  }

  /** Series kept now, for tests of the bound. */
  get seriesCount(): number {
    let n = this.nodes.size;
    for (const byName of this.pods.values()) for (const p of byName.values()) n += p.containers.size;
    return n;
  }
}
