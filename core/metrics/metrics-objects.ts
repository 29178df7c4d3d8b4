// The objects the metrics APIs serve, built from a pod or node and the MetricsStore:
// metrics.k8s.io/v1beta1 NodeMetrics and PodMetrics (as metrics-server fills them: metadata
// from the pod or node, the scrape's timestamp and window, usage as quantities), and
// metrics.wheelhouse.dev/v1alpha1 NodeMetricsHistory and PodMetricsHistory (series for charts).
import type { KubeObject } from '../machinery/object';
import { metaTime } from '../machinery/meta-time';
import type { UsagePoint } from './history';
import type { MetricsStore } from './metrics-store';
import { goDuration, usageQuantities } from './format';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
export const HISTORY_GROUP = 'metrics.wheelhouse.dev';
export const HISTORY_VERSION = 'v1alpha1';

/** The shape of metrics.wheelhouse.dev/v1alpha1 PodMetricsHistory (the app may import it as a type). */
export interface PodMetricsHistory {
  kind: 'PodMetricsHistory';
  apiVersion: 'metrics.wheelhouse.dev/v1alpha1';
  metadata: { name: string; namespace: string; uid?: string; labels?: Record<string, string>; creationTimestamp: string };
  /** The interval between points (the scrape interval), as a Go duration. */
  window: string;
  /** The pod's usage: its containers' summed, oldest first. cpu in millicores, memory in bytes. */
  points: UsagePoint[];
  containers: Array<{ name: string; points: UsagePoint[] }>;
}

export interface NodeMetricsHistory {
  kind: 'NodeMetricsHistory';
  apiVersion: 'metrics.wheelhouse.dev/v1alpha1';
  metadata: { name: string; labels?: Record<string, string>; creationTimestamp: string };
  window: string;
  points: UsagePoint[];
}

/** Builds the served object for a pod or node, or undefined when there are no metrics for it. */
export type MetricsItem = (obj: KubeObject, store: MetricsStore, now: Date) => KubeObject | undefined;

const meta = (obj: KubeObject, now: Date) => ({
  name: obj.metadata.name!,
  ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
  creationTimestamp: metaTime(now),
  ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}),
});

export const nodeMetrics: MetricsItem = (node, store, now) => {
  const s = store.node(node.metadata.name!);
  if (!s) return undefined;
  return {
    kind: 'NodeMetrics',
    apiVersion: `${METRICS_GROUP}/${METRICS_VERSION}`,
    metadata: meta(node, now),
    timestamp: metaTime(s.timestamp),
    window: goDuration(s.windowMs),
    usage: usageQuantities(s.usage),
  };
};

/** Only Running pods have metrics, as in metrics-server. */
export const podMetrics: MetricsItem = (pod, store, now) => {
  if ((pod.status as { phase?: string } | undefined)?.phase !== 'Running') return undefined;
  const s = store.pod(pod.metadata.namespace!, pod.metadata.name!, pod.metadata.uid);
  if (!s) return undefined;
  return {
    kind: 'PodMetrics',
    apiVersion: `${METRICS_GROUP}/${METRICS_VERSION}`,
    metadata: meta(pod, now),
    timestamp: metaTime(s.timestamp),
    window: goDuration(s.windowMs),
    containers: s.containers.map((c) => ({ name: c.name, usage: usageQuantities(c.usage) })),
  };
};

export const nodeMetricsHistory: MetricsItem = (node, store, now) => {
  const points = store.nodeHistory(node.metadata.name!);
  if (points.length === 0) return undefined;
  const h: NodeMetricsHistory = {
    kind: 'NodeMetricsHistory',
    apiVersion: `${HISTORY_GROUP}/${HISTORY_VERSION}`,
    metadata: meta(node, now),
    window: goDuration(store.resolutionMs),
    points,
  };
  return h as unknown as KubeObject;
};

/** Any pod that ran within the window, finished ones too (their charts stay readable). */
export const podMetricsHistory: MetricsItem = (pod, store, now) => {
  const { points, containers } = store.podHistory(pod.metadata.namespace!, pod.metadata.name!, pod.metadata.uid);
  if (points.length === 0) return undefined;
  const h: PodMetricsHistory = {
    kind: 'PodMetricsHistory',
    apiVersion: `${HISTORY_GROUP}/${HISTORY_VERSION}`,
    metadata: { ...meta(pod, now), namespace: pod.metadata.namespace!, uid: pod.metadata.uid },
    window: goDuration(store.resolutionMs),
    points,
    containers,
  };
  return h as unknown as KubeObject;
};
